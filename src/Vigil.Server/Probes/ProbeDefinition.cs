namespace Vigil.Server.Probes;

/// <summary>
/// One synthetic probe <c>vigil serve</c> runs on an interval (the <c>Probes</c> array of the server's
/// configuration file, see docs/server.md). Only the settings of its <see cref="Kind"/> apply.
/// </summary>
public sealed record ProbeDefinition
{
    /// <summary>The default time between attempts.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>The default limit on one attempt (shortened to half the interval when the interval is under 20 seconds).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default number of failed attempts in a row that turn a working probe unhealthy.</summary>
    public const int DefaultFailureThreshold = 3;

    /// <summary>The default number of good attempts in a row that bring an unhealthy probe back.</summary>
    public const int DefaultSuccessThreshold = 2;

    /// <summary>The probe's name, unique among the server's probes; the health result's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What the probe does.</summary>
    public ProbeKind Kind { get; init; }

    /// <summary>The time from one attempt's start to the next one's.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>How long one attempt may take before it counts as failed (less than <see cref="Interval"/>).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Failed attempts in a row before a healthy or degraded probe turns unhealthy.</summary>
    public int FailureThreshold { get; init; } = DefaultFailureThreshold;

    /// <summary>Good (healthy or degraded) attempts in a row before an unhealthy probe recovers.</summary>
    public int SuccessThreshold { get; init; } = DefaultSuccessThreshold;

    /// <summary>HTTP: the absolute <c>http</c> or <c>https</c> URL.</summary>
    public Uri? Url { get; init; }

    /// <summary>HTTP: the request method.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>HTTP: the status codes that count as healthy; empty means any 2xx.</summary>
    public IReadOnlyList<int> ExpectedStatus { get; init; } = [];

    /// <summary>HTTP: text the body must contain (ordinal comparison).</summary>
    public string? BodyContains { get; init; }

    /// <summary>HTTP: a regular expression the body must match.</summary>
    public string? BodyMatches { get; init; }

    /// <summary>HTTP: a slower answer makes the attempt degraded.</summary>
    public TimeSpan? MaxLatency { get; init; }

    /// <summary>HTTP: fewer days left on the server's TLS certificate make the attempt degraded.</summary>
    public int? MinCertificateDays { get; init; }

    /// <summary>HTTP: request headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>HTTP: accept a certificate that does not validate (self-signed, wrong host, expired).</summary>
    public bool AllowUntrustedCertificate { get; init; }

    /// <summary>TCP: the host name or address.</summary>
    public string? Host { get; init; }

    /// <summary>TCP: the port.</summary>
    public int Port { get; init; }

    /// <summary>Command: the program to run (a path, or a name looked up on <c>PATH</c>); no shell is involved.</summary>
    public string? File { get; init; }

    /// <summary>Command: the arguments, each passed as it is.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
