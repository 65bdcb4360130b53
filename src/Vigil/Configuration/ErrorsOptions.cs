using Microsoft.Extensions.Logging;
using Vigil.Storage;

namespace Vigil;

/// <summary>
/// Error capture, and how the local store groups exceptions into error groups (configuration section
/// <c>Errors</c>; the algorithm is in docs/errors.md). <c>vigil serve</c> groups what it receives with its own settings.
/// </summary>
public sealed class ErrorsOptions
{
    /// <summary>
    /// Whether unhandled exceptions and unobserved task exceptions are logged (through the category
    /// <c>Vigil.Errors</c>), so that they are grouped like any other. Default: <see langword="true"/>.
    /// </summary>
    public bool CaptureUnhandled { get; set; } = true;

    /// <summary>
    /// Log records with an exception become error events from this level up. Default: Error. Configuration writes it in
    /// the level names the CLI's <c>--level</c> takes (<c>warn</c>, <c>Warning</c>, <c>fatal</c>, ...).
    /// </summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Error;

    /// <summary>Frame prefixes that are application code even when they look like a library's (e.g. <c>Microsoft.MyTeam.</c>).</summary>
    public IList<string> InAppInclude { get; } = new List<string>();

    /// <summary>Frame prefixes that are library code, added to the built-in ones (<c>System.</c>, <c>Microsoft.</c>, ...).</summary>
    public IList<string> InAppExclude { get; } = new List<string>();

    /// <summary>Rules that merge several groups into one or split a group by attribute values, tried in order.</summary>
    public IList<ErrorGroupingRuleOptions> GroupingRules { get; } = new List<ErrorGroupingRuleOptions>();

    /// <summary>Rules that give groups a severity, tried in order before the built-in ones.</summary>
    public IList<ErrorSeverityRuleOptions> SeverityRules { get; } = new List<ErrorSeverityRuleOptions>();

    /// <summary>
    /// A group's severity is raised one step while its events in the last hour exceed this many times its
    /// average hourly rate over the day before. Default: 5; 1 to 1000.
    /// </summary>
    public double SpikeFactor { get; set; } = ErrorTrackingOptions.DefaultSpikeFactor;

    /// <summary>...and number at least this many. Default: 10; 1 to 1,000,000.</summary>
    public int SpikeMinimumEvents { get; set; } = ErrorTrackingOptions.DefaultSpikeMinimumEvents;

    /// <summary>Reporting the exceptions Vigil captures to a Sentry DSN too (section <c>Errors:Sentry</c>; needs the <c>Vigil.Sentry</c> package).</summary>
    public SentryReportingOptions Sentry { get; } = new();
}
