using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Support;

/// <summary>
/// Alerts written into a store file through the real engine, around <see cref="CliHarness.Now"/>: a firing and a
/// pending instance of HighErrors, a resolved Unhealthy, their transitions, two notification attempts, an active and
/// an expired silence. The ids are what the store gave.
/// </summary>
internal sealed record AlertSample(long Firing, long Pending, long Resolved, long ActiveSilence, long ExpiredSilence)
{
    public static async Task<AlertSample> WriteAsync(string path)
    {
        var now = CliHarness.Now;
        var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer with { Clock = new FixedClock(now) });
        await using (store.ConfigureAwait(false))
        {
            IAlertStateStore alerts = store;
            var firing = Instance("HighErrors", now.AddMinutes(-8), ("service", "shop"), ("severity", "critical")) with { Value = 12, Threshold = 5 };
            var pending = Instance("HighErrors", now.AddMinutes(-1), ("service", "cart"), ("severity", "critical")) with { Value = 6, Threshold = 5 };
            var resolved = Instance("Unhealthy", now.AddMinutes(-30), ("check", "db"));
            var ids = await alerts.SaveAlertsAsync([firing, pending, resolved]);
            await alerts.SaveAlertsAsync(
            [
                firing with { State = AlertState.Firing, FiredAt = now.AddMinutes(-5), LastEvaluated = now.AddMinutes(-5) },
                resolved with { State = AlertState.Firing, FiredAt = now.AddMinutes(-25), LastEvaluated = now.AddMinutes(-25) },
            ]);
            await alerts.SaveAlertsAsync([resolved with { State = AlertState.Resolved, FiredAt = now.AddMinutes(-25), ResolvedAt = now.AddMinutes(-10), LastEvaluated = now.AddMinutes(-10) }]);
            await alerts.RecordNotificationAsync(new NotificationAttempt
            {
                Channel = "ops-webhook", GroupKey = "{service=\"shop\"}", AlertIds = [ids[0].Id], Kind = NotificationKind.Firing,
                At = now.AddMinutes(-5), Outcome = NotificationOutcome.Failed, Detail = "HTTP 503",
            });
            await alerts.RecordNotificationAsync(new NotificationAttempt
            {
                Channel = "ops-webhook", GroupKey = "{service=\"shop\"}", AlertIds = [ids[0].Id], Kind = NotificationKind.Firing,
                Attempt = 2, At = now.AddMinutes(-4), Outcome = NotificationOutcome.Delivered,
            });
            var active = await alerts.CreateSilenceAsync(Silence(now.AddHours(-1), now.AddHours(1), "service=cart", "deploy of cart") with { CreatedAt = now.AddHours(-1) });
            var expired = await alerts.CreateSilenceAsync(Silence(now.AddHours(-3), now.AddHours(-2), "check=db", "db migration") with { CreatedAt = now.AddHours(-3) });
            return new AlertSample(ids[0].Id, ids[1].Id, ids[2].Id, active.Id, expired.Id);
        }
    }

    public static async Task<T> ReadAsync<T>(string path, Func<IAlertTriageStore, Task<T>> read)
    {
        var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader with { Clock = new FixedClock(CliHarness.Now) });
        await using (store.ConfigureAwait(false))
        {
            return await read(store);
        }
    }

    private static AlertInstance Instance(string rule, DateTimeOffset since, params (string Name, string Value)[] labels) => new()
    {
        RuleName = rule,
        Labels = AlertLabels.From([new(AlertLabels.AlertName, rule), .. labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value))]),
        State = AlertState.Pending,
        ActiveSince = since,
        LastEvaluated = since,
    };

    private static Silence Silence(DateTimeOffset start, DateTimeOffset end, string matcher, string comment)
    {
        var parsed = LabelMatcher.TryParse(matcher, out var m, out var problem) ? m! : throw new ArgumentException(problem, nameof(matcher));
        return new Silence { Matchers = [parsed], StartsAt = start, EndsAt = end, CreatedBy = "ana", Comment = comment };
    }
}
