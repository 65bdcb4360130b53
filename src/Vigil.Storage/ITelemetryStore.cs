namespace Vigil.Storage;

/// <summary>
/// A storage engine: every role over one store (logs, spans, metric points, error groups, health results and alert
/// state), used by the SDK's local sink, the server and the CLI. An engine implements persistence; what must behave
/// the same on every engine lives in this project beside the contracts. Alert state is part of it because the store
/// is where acknowledgements and silences live: a store file opened by `vigil alerts ack` must take the write.
/// </summary>
public interface ITelemetryStore : ITelemetryWriter, IQueryStore, IRetentionStore, IAlertStateStore, IAlertSignalReader;
