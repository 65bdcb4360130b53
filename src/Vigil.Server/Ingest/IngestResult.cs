namespace Vigil.Server.Ingest;

/// <summary>The outcome of one accepted export request: what was stored durably and what was rejected.</summary>
/// <param name="Accepted">Records committed to the store.</param>
/// <param name="Rejected">Records that were invalid (partial_success).</param>
/// <param name="ErrorMessage">Why records were rejected, or what was dropped without rejecting one (metric exemplars); null when neither.</param>
internal sealed record IngestResult(int Accepted, int Rejected, string? ErrorMessage);
