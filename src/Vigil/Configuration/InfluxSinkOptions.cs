using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>
/// The InfluxDB sink: metrics written as line protocol to InfluxDB 1.x, 2.x or 3.x (configuration section
/// <c>Influx</c>; the schema is in docs/dialects.md).
/// </summary>
public sealed class InfluxSinkOptions
{
    /// <summary>The default largest number of lines in one write (InfluxData's recommended batch).</summary>
    public const int DefaultMaxLinesPerRequest = 5000;

    /// <summary>The default largest body of one write.</summary>
    public const int DefaultMaxBytesPerRequest = 1_048_576;

    /// <summary>The default number of attempts per write: the first and three retries.</summary>
    public const int DefaultMaxAttempts = 4;

    /// <summary>Whether metrics are written to InfluxDB. Default: <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The server's base address. Default: <c>http://localhost:8086</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The write API: <see cref="InfluxApiVersion.V2"/> (2.x, 3.x; the default) or <see cref="InfluxApiVersion.V1"/>.</summary>
    public InfluxApiVersion ApiVersion { get; set; } = InfluxApiVersion.V2;

    /// <summary>1.x: the database (<c>db</c>); required with <see cref="InfluxApiVersion.V1"/>.</summary>
    public string? Database { get; set; }

    /// <summary>1.x: the retention policy (<c>rp</c>); the database's default when unset.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>1.x: the user name, sent with <see cref="Password"/> as HTTP basic authentication.</summary>
    public string? Username { get; set; }

    /// <summary>1.x: the password.</summary>
    public string? Password { get; set; }

    /// <summary>2.x/3.x: the organisation (<c>org</c>); InfluxDB 3 ignores it.</summary>
    public string? Organization { get; set; }

    /// <summary>2.x/3.x: the bucket (<c>bucket</c>; a database in InfluxDB 3); required with <see cref="InfluxApiVersion.V2"/>.</summary>
    public string? Bucket { get; set; }

    /// <summary>2.x/3.x: the API token, sent as <c>Authorization: Token ...</c>.</summary>
    public string? Token { get; set; }

    /// <summary>Running totals or changes since the last export. Default: <see cref="InfluxTemporality.Cumulative"/>.</summary>
    public InfluxTemporality Temporality { get; set; } = InfluxTemporality.Cumulative;

    /// <summary>The largest number of lines (points) in one write. Default: 5000.</summary>
    [Range(1, 1_000_000)]
    public int MaxLinesPerRequest { get; set; } = DefaultMaxLinesPerRequest;

    /// <summary>The largest body of one write, in bytes; a longer line is not written. Default: 1 MiB.</summary>
    [Range(1024, 64 * 1_048_576)]
    public int MaxBytesPerRequest { get; set; } = DefaultMaxBytesPerRequest;

    /// <summary>Attempts per write; a network error, 429 or 5xx answer is retried with exponential backoff. Default: 4.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>How long one attempt may take. Default: 10 seconds.</summary>
    [Range(1, 600_000)]
    public int TimeoutMilliseconds { get; set; } = 10_000;
}
