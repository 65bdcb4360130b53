using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>
/// The local store (configuration section <c>Store</c>): an embedded SQLite file that the
/// <c>vigil</c> command reads. On by default, so that an application with no configuration at all
/// can be looked at with <c>vigil logs</c>; off by default once an OTLP destination is configured.
/// </summary>
public sealed class StoreSinkOptions
{
    /// <summary>The default age past which stored telemetry is deleted: 7 days.</summary>
    public const int DefaultMaxAgeHours = 7 * 24;

    /// <summary>The default size past which the oldest telemetry is deleted: 1 GiB.</summary>
    public const int DefaultMaxSizeMegabytes = 1024;

    /// <summary>
    /// Whether logs, spans and metrics are written to the local store. Default (<see langword="null"/>):
    /// on, unless <see cref="OtlpSinkOptions.Enabled"/> is.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The store file. Default: <c>VIGIL_STORE</c>, else <c>.vigil/vigil.db</c> under the working directory,
    /// where <c>vigil</c> looks when run from the same folder.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Telemetry older than this many hours is deleted in the background. Default: 168 (7 days).</summary>
    [Range(1, 24 * 3650)]
    public int MaxAgeHours { get; set; } = DefaultMaxAgeHours;

    /// <summary>The oldest telemetry is deleted once the store is larger than this many megabytes. Default: 1024.</summary>
    [Range(1, 1024 * 1024)]
    public int MaxSizeMegabytes { get; set; } = DefaultMaxSizeMegabytes;
}
