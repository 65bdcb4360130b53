namespace Vigil.Api.Contracts.V1;

/// <summary>What one signal holds in the server's store (<see cref="ApiStoreStatus.Signals"/>).</summary>
public sealed record ApiSignalUsage
{
    /// <summary><c>logs</c>, <c>spans</c>, <c>metrics</c>, <c>errors</c> or <c>health</c>.</summary>
    public string Signal { get; init; } = string.Empty;

    /// <summary>Its records: log records, spans, metric points, error events or health results.</summary>
    public long Records { get; init; }

    /// <summary>Its records written in the window (<see cref="ApiStoreStatus.WindowSeconds"/>, the last day).</summary>
    public long RecordsLastDay { get; init; }

    /// <summary>The stored length of its rows' values (log records: their compressed blocks), without indexes.</summary>
    public long Bytes { get; init; }

    /// <summary>Its growth in bytes a day: its bytes times the share of its records written in the window.</summary>
    public double GrowthBytesPerDay { get; init; }
}
