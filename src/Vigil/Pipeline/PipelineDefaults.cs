namespace Vigil.Pipeline;

internal static class PipelineDefaults
{
    /// <summary>How long one export may take before the batch processor gives up on it.</summary>
    public const int ExporterTimeoutMilliseconds = 30_000;
}
