namespace Vigil.Pipeline;

internal static class PipelineDefaults
{
    /// <summary>How long one export may take before the batch processor gives up on it.</summary>
    public const int ExporterTimeoutMilliseconds = 30_000;

    /// <summary>How long disposing, or a dying process, waits for the last records to be exported (<see cref="VigilSdk.DefaultFlushTimeout"/>).</summary>
    public static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);
}
