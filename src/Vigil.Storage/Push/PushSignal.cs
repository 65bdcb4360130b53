namespace Vigil.Storage;

/// <summary>The three record kinds a push sends, each its own stream of sequences.</summary>
public enum PushSignal
{
    /// <summary>Log records.</summary>
    Logs,

    /// <summary>Spans.</summary>
    Spans,

    /// <summary>Metric points.</summary>
    MetricPoints,
}
