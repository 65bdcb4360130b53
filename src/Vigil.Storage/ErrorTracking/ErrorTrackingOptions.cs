using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage;

/// <summary>How a store that writes telemetry groups the exceptions in it (see <c>docs/errors.md</c>).</summary>
public sealed record ErrorTrackingOptions
{
    /// <summary>The shared defaults.</summary>
    public static ErrorTrackingOptions Default { get; } = new();

    /// <summary>The default for <see cref="MinimumLogSeverity"/>: 17, ERROR.</summary>
    public const int DefaultMinimumLogSeverity = 17;

    /// <summary>The default for <see cref="SpikeFactor"/>.</summary>
    public const double DefaultSpikeFactor = 5;

    /// <summary>The default for <see cref="SpikeMinimumEvents"/>.</summary>
    public const int DefaultSpikeMinimumEvents = 10;

    /// <summary>False stores no error events or groups.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Log records with an exception become error events from this severity number up (1-24); records with no
    /// severity (0) count as errors. Span events named <c>exception</c> always do.
    /// </summary>
    public int MinimumLogSeverity { get; init; } = DefaultMinimumLogSeverity;

    /// <summary>In-app prefixes, explicit fingerprint attributes, merge and split rules.</summary>
    public FingerprintOptions Fingerprint { get; init; } = FingerprintOptions.Default;

    /// <summary>Severity rules, tried in order before <see cref="DefaultSeverityRules"/>.</summary>
    public IReadOnlyList<SeverityRule> SeverityRules { get; init; } = [];

    /// <summary>The severity of a group that no rule matches.</summary>
    public ErrorSeverity DefaultSeverity { get; init; } = ErrorSeverity.Medium;

    /// <summary>
    /// A group's severity is raised one step while its events in the last hour exceed this many times its average
    /// hourly rate over the previous 24 hours.
    /// </summary>
    public double SpikeFactor { get; init; } = DefaultSpikeFactor;

    /// <summary>...and number at least this many, so a group going from 1 to 6 events is not a spike.</summary>
    public int SpikeMinimumEvents { get; init; } = DefaultSpikeMinimumEvents;

    /// <summary>
    /// The built-in rules, tried after <see cref="SeverityRules"/>: security and data loss critical, database high,
    /// network medium, validation low.
    /// </summary>
    public static IReadOnlyList<SeverityRule> DefaultSeverityRules { get; } =
    [
        new() { Type = "*Security*", Severity = ErrorSeverity.Critical },
        new() { Type = "*UnauthorizedAccess*", Severity = ErrorSeverity.Critical },
        new() { Type = "*Authentication*", Severity = ErrorSeverity.Critical },
        new() { Type = "*Cryptographic*", Severity = ErrorSeverity.Critical },
        new() { Type = "*DataLoss*", Severity = ErrorSeverity.Critical },
        new() { Type = "*Corrupt*", Severity = ErrorSeverity.Critical },
        new() { Type = "*Database*", Severity = ErrorSeverity.High },
        new() { Type = "*Sql*", Severity = ErrorSeverity.High },
        new() { Type = "*DbUpdate*", Severity = ErrorSeverity.High },
        new() { Type = "*DbException", Severity = ErrorSeverity.High },
        new() { Type = "*Npgsql*", Severity = ErrorSeverity.High },
        new() { Type = "*Network*", Severity = ErrorSeverity.Medium },
        new() { Type = "*Socket*", Severity = ErrorSeverity.Medium },
        new() { Type = "*HttpRequest*", Severity = ErrorSeverity.Medium },
        new() { Type = "*Validation*", Severity = ErrorSeverity.Low },
    ];
}
