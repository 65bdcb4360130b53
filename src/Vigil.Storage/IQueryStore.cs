namespace Vigil.Storage;

/// <summary>
/// What a client that only reads and triages needs: the reading and triage roles together, error groups and health as
/// well as alerts and silences. A store file implements it, and so does the CLI's client of a server's query API, which
/// never offers a write it would have to refuse.
/// </summary>
public interface IQueryStore : ITelemetryReader, ITriageStore, IAlertTriageStore;
