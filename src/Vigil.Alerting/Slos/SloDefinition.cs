namespace Vigil.Alerting.Slos;

/// <summary>One SLO, validated: what is measured, the objective over a rolling window, and its burn-rate alerts.</summary>
public sealed record SloDefinition
{
    /// <summary>The default rolling window.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    /// <summary>Makes an SLO.</summary>
    /// <param name="name">Its name, unique among the SLOs.</param>
    /// <param name="service">The service it is about.</param>
    /// <param name="objective">The share of good events promised, above 0 and below 1 (0.999 for 99.9 %).</param>
    /// <param name="window">The rolling window attainment and budget are computed over.</param>
    /// <param name="indicator">What is measured.</param>
    /// <param name="alerts">The burn-rate alerts; <see cref="BurnRateWindow.Defaults"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The objective or window is out of range.</exception>
    public SloDefinition(string name, string service, double objective, TimeSpan window, ISloIndicator indicator, IReadOnlyList<BurnRateWindow>? alerts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentNullException.ThrowIfNull(indicator);
        SloMath.CheckObjective(objective);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Name = name;
        Service = service;
        Objective = objective;
        Window = window;
        Indicator = indicator;
        Alerts = alerts ?? BurnRateWindow.Defaults;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The service.</summary>
    public string Service { get; }

    /// <summary>The objective as a fraction (0.999).</summary>
    public double Objective { get; }

    /// <summary>The rolling window.</summary>
    public TimeSpan Window { get; }

    /// <summary>What is measured.</summary>
    public ISloIndicator Indicator { get; }

    /// <summary>The burn-rate alerts.</summary>
    public IReadOnlyList<BurnRateWindow> Alerts { get; }

    /// <summary>Labels added to every alert of this SLO.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The share of events allowed to be bad: 1 − objective.</summary>
    public double ErrorBudget => 1 - Objective;
}
