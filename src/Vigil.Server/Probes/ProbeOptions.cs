using System.ComponentModel;
using Vigil.Storage.Configuration;

namespace Vigil.Server.Probes;

/// <summary>
/// One element of the configuration file's <c>Probes</c> array, as the binder reads it: every key optional, so that
/// a missing one is told apart from a default. <see cref="ToDefinition"/> makes the probe; whether its values make
/// sense together is <see cref="ProbeValidation"/>'s job, for probes from configuration and from code alike.
/// </summary>
[Description("a probe")]
internal sealed partial class ProbeOptions
{
    public string? Name { get; set; }

    public ProbeKind? Kind { get; set; }

    public TimeSpan? Interval { get; set; }

    public TimeSpan? Timeout { get; set; }

    public int? FailureThreshold { get; set; }

    public int? SuccessThreshold { get; set; }

    public Uri? Url { get; set; }

    public string? Method { get; set; }

    [SingleValueList]
    public IList<int> ExpectedStatus { get; } = new List<int>();

    public string? BodyContains { get; set; }

    public string? BodyMatches { get; set; }

    public TimeSpan? MaxLatency { get; set; }

    public int? MinCertificateDays { get; set; }

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public bool? AllowUntrustedCertificate { get; set; }

    public string? Host { get; set; }

    public int? Port { get; set; }

    public string? File { get; set; }

    public IList<string> Arguments { get; } = new List<string>();

    /// <summary>The probe these options declare.</summary>
    public ProbeDefinition ToDefinition()
    {
        var interval = Interval ?? ProbeDefinition.DefaultInterval;

        // The default timeout must stay under a short interval.
        var timeout = Timeout ?? (interval < 2 * ProbeDefinition.DefaultTimeout ? interval / 2 : ProbeDefinition.DefaultTimeout);
        return new ProbeDefinition
        {
            Name = Name ?? string.Empty,
            Kind = Kind ?? ProbeKind.Http,
            Interval = interval,
            Timeout = timeout,
            FailureThreshold = FailureThreshold ?? ProbeDefinition.DefaultFailureThreshold,
            SuccessThreshold = SuccessThreshold ?? ProbeDefinition.DefaultSuccessThreshold,
            Url = Url,
            Method = Method ?? "GET",
            ExpectedStatus = [.. ExpectedStatus],
            BodyContains = BodyContains,
            BodyMatches = BodyMatches,
            MaxLatency = MaxLatency,
            MinCertificateDays = MinCertificateDays,
            Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase),
            AllowUntrustedCertificate = AllowUntrustedCertificate ?? false,
            Host = Host,
            Port = Port ?? 0,
            File = File,
            Arguments = [.. Arguments],
        };
    }
}
