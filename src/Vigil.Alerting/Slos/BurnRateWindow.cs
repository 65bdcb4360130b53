namespace Vigil.Alerting.Slos;

/// <summary>
/// One multiwindow burn-rate alert: it is active while the burn rate over both the long and the short window exceeds
/// <see cref="Factor"/>. The long window makes it significant, the short one makes it stop soon after the burn does.
/// </summary>
/// <param name="Severity">The alert's severity label (<c>page</c> or <c>ticket</c> by default).</param>
/// <param name="Factor">The burn rate both windows must exceed.</param>
/// <param name="LongWindow">The long window.</param>
/// <param name="ShortWindow">The short window; shorter than the long one.</param>
public sealed record BurnRateWindow(string Severity, double Factor, TimeSpan LongWindow, TimeSpan ShortWindow)
{
    /// <summary>The severity of the alerts that wake someone up.</summary>
    public const string Page = "page";

    /// <summary>The severity of the alerts that can wait for working hours.</summary>
    public const string Ticket = "ticket";

    /// <summary>
    /// The SRE workbook's defaults for a 30-day window: page at 14.4× over 1 h and 5 m (2 % of the budget in an hour),
    /// page at 6× over 6 h and 30 m (5 % in six hours), ticket at 1× over 3 d and 6 h (10 % in three days).
    /// </summary>
    public static IReadOnlyList<BurnRateWindow> Defaults { get; } =
    [
        new(Page, 14.4, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
        new(Page, 6, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30)),
        new(Ticket, 1, TimeSpan.FromDays(3), TimeSpan.FromHours(6)),
    ];

    /// <summary>True when both burn rates are known and exceed the factor.</summary>
    /// <param name="longBurn">The burn rate over the long window.</param>
    /// <param name="shortBurn">The burn rate over the short window.</param>
    /// <returns>Whether the alert is active.</returns>
    public bool IsActive(double? longBurn, double? shortBurn) =>
        longBurn is { } longRate && shortBurn is { } shortRate && longRate > Factor && shortRate > Factor;
}
