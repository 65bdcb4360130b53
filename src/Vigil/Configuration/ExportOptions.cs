using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>
/// The bounded queue in front of each sink (configuration section <c>Export</c>). When a queue is
/// full, new items are dropped and counted (metric <c>vigil.sdk.dropped</c>): the application never waits.
/// </summary>
public sealed class ExportOptions
{
    /// <summary>The default queue capacity per sink and signal.</summary>
    public const int DefaultMaxQueueSize = 8192;

    /// <summary>The default largest batch handed to a sink at once.</summary>
    public const int DefaultMaxBatchSize = 512;

    /// <summary>The default delay between two exports of a partly filled batch.</summary>
    public const int DefaultScheduledDelayMilliseconds = 1000;

    /// <summary>Items held per sink and signal before new ones are dropped. Default: 8192.</summary>
    [Range(1, 1_048_576)]
    public int MaxQueueSize { get; set; } = DefaultMaxQueueSize;

    /// <summary>The largest batch handed to a sink at once. Default: 512; at most <see cref="MaxQueueSize"/>.</summary>
    [Range(1, 1_048_576)]
    public int MaxBatchSize { get; set; } = DefaultMaxBatchSize;

    /// <summary>How long a partly filled batch waits before it is exported. Default: 1 second.</summary>
    [Range(1, 600_000)]
    public int ScheduledDelayMilliseconds { get; set; } = DefaultScheduledDelayMilliseconds;
}
