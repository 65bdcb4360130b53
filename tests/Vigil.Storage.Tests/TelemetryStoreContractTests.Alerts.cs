using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Alert state (IAlertStateStore): upsert by rule and labels, transitions, acknowledgements, listing.</summary>
public abstract partial class TelemetryStoreContractTests
{
    protected IAlertStateStore Alerts => Store;

    /// <summary>Opens a second instance of the store <see cref="CreateStoreAsync"/> made, as another process would.</summary>
    protected abstract Task<ITelemetryStore> OpenSecondInstanceAsync();

    [Fact]
    public async Task SaveAlertsAsync_NewInstances_AssignsDistinctIdsAndReadsEveryFieldBack()
    {
        // Arrange
        var firing = SomeAlerts.Instance("HighErrors", AlertState.Firing, SomeAlerts.Start, ("service", "shop")) with
        {
            Evidence = new AlertEvidence
            {
                LogLines = ["12:00:01 error shop boom"],
                Detail = "rate(http.requests{service=shop}) = 42.5",
                ErrorGroupId = 7,
                ErrorType = "IOException",
                ErrorMessage = "disk full",
                Culprit = "Shop.Save()",
                TraceId = new string('a', 32),
            },
        };
        var pending = SomeAlerts.Instance("HighErrors", AlertState.Pending, SomeAlerts.Start, ("service", "cart"));

        // Act
        var saved = await Alerts.SaveAlertsAsync([firing, pending]);

        // Assert
        Assert.NotEqual(0, saved[0].Id);
        Assert.NotEqual(saved[0].Id, saved[1].Id);
        var read = await Alerts.GetAlertAsync(saved[0].Id);
        Assert.NotNull(read);
        Assert.Equal(firing.Labels, read.Labels);
        Assert.Equal((AlertState.Firing, SomeAlerts.Start, (DateTimeOffset?)SomeAlerts.Start, (DateTimeOffset?)null, 42.5, 10.0),
            (read.State, read.ActiveSince, read.FiredAt, read.ResolvedAt, read.Value!.Value, read.Threshold!.Value));
        Assert.Equal("HighErrors is Firing", read.Annotations["summary"]);
        Assert.Equal(["12:00:01 error shop boom"], read.Evidence.LogLines);
        Assert.Equal(firing.Evidence with { LogLines = read.Evidence.LogLines }, read.Evidence);
        Assert.Equal(AlertEvidence.None, (await Alerts.GetAlertAsync(saved[1].Id))!.Evidence);
        Assert.Null(await Alerts.GetAlertAsync(saved[1].Id + 1000));
    }

    [Fact]
    public async Task SaveAlertsAsync_SameRuleAndLabelsInAnyOrder_UpdatesTheOneInstance()
    {
        // Arrange
        var first = (await Alerts.SaveAlertsAsync([SomeAlerts.Instance("HighErrors", AlertState.Pending, SomeAlerts.Start, ("service", "shop"), ("env", "prod"))]))[0];
        var later = SomeAlerts.Instance("HighErrors", AlertState.Firing, SomeAlerts.Start.AddMinutes(5), ("env", "prod"), ("service", "shop")) with { Value = 99 };

        // Act
        var again = (await Alerts.SaveAlertsAsync([later]))[0];

        // Assert
        Assert.Equal(first.Id, again.Id);
        var all = await Alerts.QueryAlertsAsync(new AlertQuery { States = [AlertState.Pending, AlertState.Firing, AlertState.Resolved, AlertState.Inactive] });
        Assert.Equal(99, Assert.Single(all).Value);
    }

    [Fact]
    public async Task SaveAlertsAsync_SameLabelsOtherRule_IsAnotherInstance()
    {
        // Act
        var saved = await Alerts.SaveAlertsAsync(
        [
            SomeAlerts.Instance("A", AlertState.Firing, SomeAlerts.Start) with { Labels = SomeAlerts.Labels("X") },
            SomeAlerts.Instance("B", AlertState.Firing, SomeAlerts.Start) with { Labels = SomeAlerts.Labels("X") },
        ]);

        // Assert
        Assert.NotEqual(saved[0].Id, saved[1].Id);
    }

    [Fact]
    public async Task SaveAlertsAsync_StateChanges_OneTransitionPerChangeAndNoneForTheSameState()
    {
        // Arrange
        var t = SomeAlerts.Start;
        var pending = SomeAlerts.Instance("R", AlertState.Pending, t);

        // Act: pending, pending again, firing, firing again, resolved.
        var id = (await Alerts.SaveAlertsAsync([pending]))[0].Id;
        await Alerts.SaveAlertsAsync([pending with { LastEvaluated = t.AddMinutes(1) }]);
        await Alerts.SaveAlertsAsync([pending with { State = AlertState.Firing, FiredAt = t.AddMinutes(2), LastEvaluated = t.AddMinutes(2), Value = 50 }]);
        await Alerts.SaveAlertsAsync([pending with { State = AlertState.Firing, FiredAt = t.AddMinutes(2), LastEvaluated = t.AddMinutes(3) }]);
        await Alerts.SaveAlertsAsync([pending with { State = AlertState.Resolved, FiredAt = t.AddMinutes(2), ResolvedAt = t.AddMinutes(4), LastEvaluated = t.AddMinutes(4) }]);

        // Assert: newest first, each at the time its state began.
        var history = await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery { AlertId = id });
        Assert.Equal(
            [(AlertState.Firing, AlertState.Resolved, t.AddMinutes(4)), (AlertState.Pending, AlertState.Firing, t.AddMinutes(2)), (AlertState.Inactive, AlertState.Pending, t)],
            history.Select(h => (h.From, h.To, h.At)));
        Assert.Equal(50, history[1].Value);
        Assert.All(history, h => Assert.Equal(("R", SomeAlerts.Labels("R"), id), (h.RuleName, h.Labels, h.AlertId)));
    }

    [Fact]
    public async Task AcknowledgeAlertAsync_Firing_KeptWhileFiringAndClearedWhenResolved()
    {
        // Arrange
        var firing = SomeAlerts.Instance("R", AlertState.Firing, SomeAlerts.Start);
        var id = (await Alerts.SaveAlertsAsync([firing]))[0].Id;
        var ack = new AlertAcknowledgement { By = "ana", At = SomeAlerts.Start.AddMinutes(1), Comment = "on it" };

        // Act
        var acked = await Alerts.AcknowledgeAlertAsync(id, ack);
        var stillFiring = (await Alerts.SaveAlertsAsync([firing with { LastEvaluated = SomeAlerts.Start.AddMinutes(2) }]))[0];
        var afterFiring = await Alerts.GetAlertAsync(id);
        var resolved = (await Alerts.SaveAlertsAsync([firing with { State = AlertState.Resolved, ResolvedAt = SomeAlerts.Start.AddMinutes(3) }]))[0];

        // Assert
        Assert.Equal(ack, acked!.Acknowledgement);
        Assert.Equal(ack, stillFiring.Acknowledgement);
        Assert.Equal(ack, afterFiring!.Acknowledgement);
        Assert.Null(resolved.Acknowledgement);
        Assert.Null((await Alerts.GetAlertAsync(id))!.Acknowledgement);
    }

    [Fact]
    public async Task SaveAlertsAsync_InstanceCarriesAnAcknowledgement_TheStoredOneWins()
    {
        // Arrange: the store is where acknowledgements live; an engine's stale copy never overwrites or invents one.
        var firing = SomeAlerts.Instance("R", AlertState.Firing, SomeAlerts.Start);
        var id = (await Alerts.SaveAlertsAsync([firing with { Acknowledgement = new AlertAcknowledgement { By = "ghost", At = SomeAlerts.Start } }]))[0].Id;
        var stored = new AlertAcknowledgement { By = "ana", At = SomeAlerts.Start.AddMinutes(1) };

        // Act
        var beforeAck = await Alerts.GetAlertAsync(id);
        await Alerts.AcknowledgeAlertAsync(id, stored);
        var saved = (await Alerts.SaveAlertsAsync([firing]))[0];

        // Assert
        Assert.Null(beforeAck!.Acknowledgement);
        Assert.Equal(stored, saved.Acknowledgement);
    }

    [Fact]
    public async Task AcknowledgeAlertAsync_LatestWins()
    {
        // Arrange
        var id = (await Alerts.SaveAlertsAsync([SomeAlerts.Instance("R", AlertState.Firing, SomeAlerts.Start)]))[0].Id;
        await Alerts.AcknowledgeAlertAsync(id, new AlertAcknowledgement { By = "ana", At = SomeAlerts.Start });

        // Act
        await Alerts.AcknowledgeAlertAsync(id, new AlertAcknowledgement { By = "bo", At = SomeAlerts.Start.AddMinutes(1) });

        // Assert
        Assert.Equal("bo", (await Alerts.GetAlertAsync(id))!.Acknowledgement!.By);
    }

    [Theory]
    [InlineData(AlertState.Pending)]
    [InlineData(AlertState.Resolved)]
    [InlineData(AlertState.Inactive)]
    public async Task AcknowledgeAlertAsync_NotFiring_IsRefusedInWordsAndChangesNothing(AlertState state)
    {
        // Arrange
        var id = (await Alerts.SaveAlertsAsync([SomeAlerts.Instance("R", state, SomeAlerts.Start)]))[0].Id;

        // Act
        var exception = await Assert.ThrowsAsync<ChangeRefusedException>(() => Alerts.AcknowledgeAlertAsync(id, new AlertAcknowledgement { By = "ana", At = SomeAlerts.Start }));

        // Assert: the API and the CLI show the message as is, so it is the user's words with no parameter name.
        Assert.Equal($"Alert {id} is {state.ToString().ToLowerInvariant()}, not firing: only a firing alert can be acknowledged.", exception.Message);
        Assert.Null((await Alerts.GetAlertAsync(id))!.Acknowledgement);
    }

    [Fact]
    public async Task AcknowledgeAlertAsync_UnknownId_ReturnsNull()
    {
        // Act
        var result = await Alerts.AcknowledgeAlertAsync(12345, new AlertAcknowledgement { By = "ana", At = SomeAlerts.Start });

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public async Task QueryAlertsAsync_NoStates_FiringThenPendingNewestFirstAndNoResolved()
    {
        // Arrange
        var t = SomeAlerts.Start;
        await Alerts.SaveAlertsAsync(
        [
            SomeAlerts.Instance("P-old", AlertState.Pending, t),
            SomeAlerts.Instance("F-old", AlertState.Firing, t.AddMinutes(1)),
            SomeAlerts.Instance("Res", AlertState.Resolved, t.AddMinutes(9)),
            SomeAlerts.Instance("P-new", AlertState.Pending, t.AddMinutes(2)),
            SomeAlerts.Instance("F-new", AlertState.Firing, t.AddMinutes(3)),
        ]);

        // Act
        var open = await Alerts.QueryAlertsAsync(new AlertQuery());
        var all = await Alerts.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing, AlertState.Pending, AlertState.Resolved] });

        // Assert
        Assert.Equal(["F-new", "F-old", "P-new", "P-old"], open.Select(a => a.RuleName));
        Assert.Equal(["F-new", "F-old", "P-new", "P-old", "Res"], all.Select(a => a.RuleName));
    }

    [Fact]
    public async Task QueryAlertsAsync_RuleMatchersAndLimit_FilterAsTheGrammarSays()
    {
        // Arrange
        var t = SomeAlerts.Start;
        await Alerts.SaveAlertsAsync(
        [
            SomeAlerts.Instance("Errors", AlertState.Firing, t, ("service", "shop"), ("env", "prod")),
            SomeAlerts.Instance("Errors", AlertState.Firing, t.AddMinutes(1), ("service", "cart"), ("env", "prod")),
            SomeAlerts.Instance("Errors", AlertState.Firing, t.AddMinutes(2), ("service", "shop"), ("env", "test")),
            SomeAlerts.Instance("Latency", AlertState.Firing, t.AddMinutes(3), ("service", "shop"), ("env", "prod")),
        ]);

        // Act
        var byRule = await Alerts.QueryAlertsAsync(new AlertQuery { RuleName = "Errors" });
        var byRegex = await Alerts.QueryAlertsAsync(new AlertQuery { Matchers = [SomeAlerts.Matcher("service=~\"sh.*\""), SomeAlerts.Matcher("env!=test")] });
        var limited = await Alerts.QueryAlertsAsync(new AlertQuery { Matchers = [SomeAlerts.Matcher("env=prod")], Limit = 2 });
        var missingLabel = await Alerts.QueryAlertsAsync(new AlertQuery { Matchers = [SomeAlerts.Matcher("team=")] });

        // Assert
        Assert.Equal(3, byRule.Count);
        Assert.Equal(["Latency", "Errors"], byRegex.Select(a => a.RuleName));
        Assert.Equal([t.AddMinutes(3), t.AddMinutes(1)], limited.Select(a => a.FiredAt!.Value));
        Assert.Equal(4, missingLabel.Count);
    }

    [Fact]
    public async Task SaveAlertsAsync_TwoInstancesOfTheStoreOnOneFile_NothingLost()
    {
        // Arrange: two writers on one store (two servers, or a server and `vigil alerts ack` on its file).
        await using var second = await OpenSecondInstanceAsync();
        IAlertStateStore other = second;
        const int Rounds = 25;

        // Act: both save distinct instances and one shared instance, at once, each round its own transaction.
        async Task SaveAsync(IAlertStateStore store, string who)
        {
            for (var i = 0; i < Rounds; i++)
            {
                var at = SomeAlerts.Start.AddSeconds(i);
                await store.SaveAlertsAsync(
                [
                    SomeAlerts.Instance("Own", AlertState.Firing, at, ("writer", who), ("round", i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                    SomeAlerts.Instance("Shared", i % 2 == 0 ? AlertState.Pending : AlertState.Firing, at),
                ]);
            }
        }

        await Task.WhenAll(Task.Run(() => SaveAsync(Alerts, "a")), Task.Run(() => SaveAsync(other, "b")));

        // Assert: every own instance once, one shared instance, and its transitions never lost or doubled.
        var own = await Alerts.QueryAlertsAsync(new AlertQuery { RuleName = "Own", Limit = 1000 });
        Assert.Equal(2 * Rounds, own.Select(a => a.Id).Distinct().Count());
        var shared = Assert.Single(await other.QueryAlertsAsync(new AlertQuery { RuleName = "Shared" }));
        var transitions = await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery { AlertId = shared.Id, Limit = 1000 });
        var inOrder = transitions.OrderBy(t => t.Id).ToList();
        Assert.NotEmpty(inOrder);
        Assert.Equal(AlertState.Inactive, inOrder[0].From);
        Assert.Equal(shared.State, inOrder[^1].To);
        Assert.All(inOrder, t => Assert.NotEqual(t.From, t.To));
        Assert.All(inOrder.Zip(inOrder.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
    }

    [Fact]
    public async Task QueryAlertsAsync_EndsBy_OnlyFiringAlertsWhoseEndHasPassed()
    {
        // Arrange: two received alerts (one ends in 5 minutes, one in an hour), one rule-engine alert with no end,
        // and a resolved received alert whose end has long passed.
        var soon = SomeAlerts.Instance("Down", AlertState.Firing, SomeAlerts.Start, ("job", "api")) with { EndsAt = SomeAlerts.Start.AddMinutes(5) };
        var later = SomeAlerts.Instance("Down", AlertState.Firing, SomeAlerts.Start, ("job", "db")) with { EndsAt = SomeAlerts.Start.AddHours(1) };
        var own = SomeAlerts.Instance("HighErrors", AlertState.Firing, SomeAlerts.Start, ("service", "shop"));
        var over = SomeAlerts.Instance("Down", AlertState.Resolved, SomeAlerts.Start, ("job", "web")) with { EndsAt = SomeAlerts.Start.AddMinutes(1) };
        await Alerts.SaveAlertsAsync([soon, later, own, over]);

        // Act
        var before = await Alerts.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing], EndsBy = SomeAlerts.Start.AddMinutes(5).AddTicks(-10) });
        var atSoon = await Alerts.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing], EndsBy = SomeAlerts.Start.AddMinutes(5) });
        var farLater = await Alerts.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing], EndsBy = SomeAlerts.Start.AddDays(30) });

        // Assert: the end reads back exactly; an alert with no end (the rule engine's) never matches.
        Assert.Empty(before);
        Assert.Equal(SomeAlerts.Start.AddMinutes(5), Assert.Single(atSoon).EndsAt);
        Assert.Equal("api", atSoon[0].Labels.TryGetValue("job", out var job) ? job : null);
        Assert.Equal(["api", "db"], farLater.Select(a => a.Labels.TryGetValue("job", out var value) ? value : "?").Order(StringComparer.Ordinal));
        Assert.Null((await Alerts.QueryAlertsAsync(new AlertQuery { RuleName = "HighErrors" })).Single().EndsAt);
    }

    [Fact]
    public async Task SaveAlertsAsync_NoRuleName_ThrowsArgumentException()
    {
        // Act + Assert
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Alerts.SaveAlertsAsync([SomeAlerts.Instance(" ", AlertState.Firing, SomeAlerts.Start)]));
        Assert.Empty(await Alerts.QueryAlertsAsync(new AlertQuery()));
    }
}
