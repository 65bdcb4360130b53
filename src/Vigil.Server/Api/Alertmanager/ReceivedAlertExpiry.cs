using Vigil.Alerting;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api.Alertmanager;

/// <summary>
/// The other half of the Alertmanager receiver: an alert that Prometheus stops sending (its rule stopped firing and
/// Prometheus died, or the rule was deleted) resolves once its <c>endsAt</c> passes, as in Alertmanager, instead of
/// firing forever. Every <see cref="Period"/> the firing alerts whose <see cref="AlertInstance.EndsAt"/> has passed are
/// saved as resolved (at their end) and handed to the notifier, which sends their resolution. Work that must happen
/// once per store, so only the leader runs it.
/// </summary>
internal sealed partial class ReceivedAlertExpiry(
    ILeaderElection election, IServiceProvider services, ILogger<ReceivedAlertExpiry> logger) : BackgroundService
{
    /// <summary>How often ended alerts are looked for: Prometheus re-sends firing alerts every minute.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    // Ended alerts are read and resolved in batches of this many, until none is left.
    private const int BatchSize = 500;

    private TimeProvider Time => services.GetService<TimeProvider>() ?? TimeProvider.System;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        election.RunWhileLeadingAsync(RunAsync, stoppingToken);

    /// <summary>Resolves every firing alert that ended by <paramref name="now"/>; returns how many.</summary>
    public async Task<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var store = services.GetService<IAlertStateStore>() ?? services.GetRequiredService<ITelemetryStore>();
        var notifier = services.GetService<IAlertNotifier>();
        var resolved = 0;
        while (true)
        {
            var ended = await store.QueryAlertsAsync(
                new AlertQuery { States = [AlertState.Firing], EndsBy = now, Limit = BatchSize }, cancellationToken).ConfigureAwait(false);
            if (ended.Count == 0)
            {
                return resolved;
            }

            var saved = await store.SaveAlertsAsync(
                ended.Select(a => a with { State = AlertState.Resolved, ResolvedAt = a.EndsAt, LastEvaluated = now }).ToList(),
                cancellationToken).ConfigureAwait(false);
            if (notifier is not null)
            {
                await notifier.PublishAsync(saved, cancellationToken).ConfigureAwait(false);
            }

            resolved += saved.Count;
        }
    }

    private Task RunAsync(CancellationToken term) =>
        PeriodicWork.RunAsync(Period, ExpireNowAsync, e => LogFailed(logger, e, e.Message), term, Time);

    private async Task ExpireNowAsync(CancellationToken term)
    {
        var resolved = await ExpireAsync(Time.GetUtcNow(), term).ConfigureAwait(false);
        if (resolved > 0)
        {
            LogResolved(logger, resolved);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} received alerts ended without being sent again and are resolved")]
    private static partial void LogResolved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resolving ended received alerts failed, tried again in 15 s: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}
