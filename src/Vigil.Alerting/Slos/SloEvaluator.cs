namespace Vigil.Alerting.Slos;

/// <summary>
/// Evaluates SLOs against a store: every window ends now (exclusive) and reaches back its length. Within one
/// evaluation each distinct window length is counted once, so the defaults' six windows cost six counts, not more.
/// </summary>
public sealed class SloEvaluator
{
    private readonly SloSources _sources;
    private readonly TimeProvider _clock;

    /// <summary>Makes an evaluator.</summary>
    /// <param name="sources">Where the events are read.</param>
    /// <param name="clock">What "now" is.</param>
    public SloEvaluator(SloSources sources, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(clock);
        _sources = sources;
        _clock = clock;
    }

    /// <summary>Evaluates an SLO's window and every one of its alerts' windows.</summary>
    /// <param name="slo">The SLO.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The status.</returns>
    public async Task<SloStatus> EvaluateAsync(SloDefinition slo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var windows = new WindowCounts(_sources, slo, _clock.GetUtcNow());
        var events = await windows.CountAsync(slo.Window, cancellationToken).ConfigureAwait(false);
        var alerts = new List<BurnRateStatus>(slo.Alerts.Count);
        foreach (var alert in slo.Alerts)
        {
            alerts.Add(await windows.BurnAsync(alert, cancellationToken).ConfigureAwait(false));
        }

        return new SloStatus(slo, windows.Now, events, alerts);
    }

    /// <summary>Evaluates one burn-rate alert's two windows.</summary>
    /// <param name="slo">The SLO.</param>
    /// <param name="alert">One of its alerts.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The two windows' burn rates.</returns>
    public Task<BurnRateStatus> EvaluateAlertAsync(SloDefinition slo, BurnRateWindow alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slo);
        ArgumentNullException.ThrowIfNull(alert);
        return EvaluateAlertAsync(_sources, slo, alert, _clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>One alert's windows ending at <paramref name="now"/>: what a rule evaluation at that time reads.</summary>
    internal static Task<BurnRateStatus> EvaluateAlertAsync(SloSources sources, SloDefinition slo, BurnRateWindow alert, DateTimeOffset now, CancellationToken cancellationToken) =>
        new WindowCounts(sources, slo, now).BurnAsync(alert, cancellationToken);

    /// <summary>The counts of one evaluation, by window length.</summary>
    private sealed class WindowCounts(SloSources sources, SloDefinition slo, DateTimeOffset now)
    {
        private readonly Dictionary<TimeSpan, SloEvents> _counted = [];

        public DateTimeOffset Now => now;

        public async Task<SloEvents> CountAsync(TimeSpan window, CancellationToken cancellationToken)
        {
            if (!_counted.TryGetValue(window, out var events))
            {
                events = await slo.Indicator.CountAsync(sources, now - window, now, cancellationToken).ConfigureAwait(false);
                _counted[window] = events;
            }

            return events;
        }

        public async Task<BurnRateStatus> BurnAsync(BurnRateWindow alert, CancellationToken cancellationToken)
        {
            var longEvents = await CountAsync(alert.LongWindow, cancellationToken).ConfigureAwait(false);
            var shortEvents = await CountAsync(alert.ShortWindow, cancellationToken).ConfigureAwait(false);
            return new BurnRateStatus(
                alert,
                longEvents,
                shortEvents,
                SloMath.BurnRate(longEvents, slo.Objective),
                SloMath.BurnRate(shortEvents, slo.Objective));
        }
    }
}
