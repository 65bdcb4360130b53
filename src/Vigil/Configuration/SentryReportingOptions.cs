namespace Vigil;

/// <summary>
/// Reporting captured exceptions to Sentry as well (configuration section <c>Errors:Sentry</c>). Read here so that
/// configuration is checked in one place; the reporting itself is the <c>Vigil.Sentry</c> package's
/// (<c>AddVigilSentry()</c>), so applications that do not use Sentry do not carry its SDK.
/// </summary>
public sealed class SentryReportingOptions
{
    /// <summary>The Sentry DSN to report to; the standard <c>SENTRY_DSN</c> variable when unset. No DSN: no reporting.</summary>
    public string? Dsn { get; set; }

    /// <summary>The Sentry environment of the events; <c>Service:Environment</c> when unset.</summary>
    public string? Environment { get; set; }
}
