using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>
/// How Vigil runs the health checks the application registers with <c>services.AddHealthChecks()</c>
/// (configuration section <c>Health</c>). Each result is recorded as a log record and as metrics.
/// </summary>
public sealed class HealthOptions
{
    /// <summary>The default for <see cref="PeriodSeconds"/>.</summary>
    public const int DefaultPeriodSeconds = 30;

    /// <summary>The default for <see cref="DelaySeconds"/>.</summary>
    public const int DefaultDelaySeconds = 5;

    /// <summary>The default for <see cref="TimeoutSeconds"/>.</summary>
    public const int DefaultTimeoutSeconds = 10;

    /// <summary>Whether registered checks are run and recorded. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after start-up the checks first run, in seconds. Default: 5.</summary>
    [Range(0, 24 * 3600)]
    public int DelaySeconds { get; set; } = DefaultDelaySeconds;

    /// <summary>How often the checks run, in seconds. Default: 30.</summary>
    [Range(1, 24 * 3600)]
    public int PeriodSeconds { get; set; } = DefaultPeriodSeconds;

    /// <summary>
    /// The timeout of a check registered without one, in seconds; a check that runs longer is unhealthy. Default: 10.
    /// </summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;
}
