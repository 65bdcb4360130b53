namespace Vigil.Storage;

/// <summary>
/// A storage engine: every role over one store (logs, spans, metric points, error groups and health results), used by
/// the SDK's local sink, the server and the CLI. An engine implements persistence; what must behave the same on every
/// engine lives in this project beside the contracts.
/// </summary>
public interface ITelemetryStore : ITelemetryWriter, IQueryStore, IRetentionStore, IAlertSignalReader;
