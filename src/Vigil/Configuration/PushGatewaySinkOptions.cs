using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>
/// The Prometheus Pushgateway sink, for short-lived jobs: when the application stops, the final value of every metric
/// is pushed to <c>PUT {Endpoint}/metrics/job/{Job}/instance/{Instance}</c> as Prometheus text (configuration section
/// <c>PushGateway</c>; the standard <c>PROMETHEUS_PUSH_GATEWAY</c> variable sets the endpoint and turns it on; see
/// docs/dialects.md).
/// </summary>
public sealed class PushGatewaySinkOptions
{
    /// <summary>The variable that names the gateway's address and turns the sink on, as Prometheus' own clients read it.</summary>
    public const string EnvironmentVariable = "PROMETHEUS_PUSH_GATEWAY";

    /// <summary>The default number of attempts of the push: the first and two retries.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>Whether metrics are pushed when the application stops. Default: <see langword="false"/>, or on when <c>PROMETHEUS_PUSH_GATEWAY</c> is set.</summary>
    public bool Enabled { get; set; }

    /// <summary>The gateway's base address, e.g. <c>http://localhost:9091</c>; required when enabled.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The <c>job</c> grouping label. Default: the service name.</summary>
    public string? Job { get; set; }

    /// <summary>The <c>instance</c> grouping label. Default: the host name.</summary>
    public string? Instance { get; set; }

    /// <summary>Attempts of the push; a network error, 429 or 5xx answer is retried with exponential backoff. Default: 3.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>How long one attempt may take. Default: 5 seconds (the whole push is also bounded by the SDK's shutdown).</summary>
    [Range(1, 600_000)]
    public int TimeoutMilliseconds { get; set; } = 5_000;
}
