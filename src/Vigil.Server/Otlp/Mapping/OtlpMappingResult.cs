using Vigil.Model;

namespace Vigil.Server.Otlp.Mapping;

/// <summary>What one export request becomes: the records to store and those rejected, with why.</summary>
/// <param name="Batch">The valid records.</param>
/// <param name="Accepted">How many records (spans, log records or data points) are in <paramref name="Batch"/>.</param>
/// <param name="Rejected">How many records were invalid and left out.</param>
/// <param name="ErrorMessage">The first reason a record was rejected; null when none was.</param>
internal sealed record OtlpMappingResult(TelemetryBatch Batch, int Accepted, int Rejected, string? ErrorMessage)
{
    /// <summary>How many metric exemplars were dropped (their points kept; see <see cref="ExemplarTally"/>).</summary>
    public int DroppedExemplars { get; init; }

    /// <summary>What was dropped without rejecting a record, for partial_success's message; null when nothing was.</summary>
    public string? Warning { get; init; }
}
