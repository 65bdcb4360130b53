using Vigil.Alerting.Rules;
using Vigil.Model;
using static Vigil.Alerting.Tests.Rules.TestRules;

namespace Vigil.Alerting.Tests.Rules;

public sealed class AlertStateMachineTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    [Fact]
    public void Advance_ConditionHoldsWithoutFor_FiresAtOnceWithTheRuleLabels()
    {
        var machine = new AlertStateMachine(Health());

        var changed = machine.Advance([Sample("shop", active: true, 2, 2)], Start);

        var alert = Assert.Single(changed);
        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Equal(Start, alert.ActiveSince);
        Assert.Equal(Start, alert.FiredAt);
        Assert.Equal("{alertname=\"Down\", service=\"shop\", severity=\"critical\", team=\"shop\"}", alert.Labels.ToString());
        Assert.Equal("Down", alert.RuleName);
    }

    [Fact]
    public void Advance_For_StaysPendingUntilTheConditionHeldThatLong()
    {
        var machine = new AlertStateMachine(Health(@for: "30s"));
        var states = new List<AlertState>();
        for (var i = 0; i <= 4; i++)
        {
            states.Add(Assert.Single(machine.Advance([Sample("shop", active: true)], Start + i * Step)).State);
        }

        // 0s, 10s, 20s pending; at 30s it has held for 30s and fires; it stays firing.
        Assert.Equal([AlertState.Pending, AlertState.Pending, AlertState.Pending, AlertState.Firing, AlertState.Firing], states);
        var alert = Assert.Single(machine.Instances);
        Assert.Equal(Start, alert.ActiveSince);
        Assert.Equal(Start + 3 * Step, alert.FiredAt);
    }

    [Fact]
    public void Advance_PendingConditionStops_GoesInactiveAndStartsAgainFromZero()
    {
        var machine = new AlertStateMachine(Health(@for: "30s"));
        machine.Advance([Sample("shop", active: true)], Start);
        machine.Advance([Sample("shop", active: true)], Start + Step);

        var stopped = Assert.Single(machine.Advance([Sample("shop", active: false)], Start + 2 * Step));
        Assert.Equal(AlertState.Inactive, stopped.State);
        Assert.Empty(machine.Instances);

        // Back again: For counts from the new start, so 20s later it is still pending.
        machine.Advance([Sample("shop", active: true)], Start + 3 * Step);
        var again = Assert.Single(machine.Advance([Sample("shop", active: true)], Start + 5 * Step));
        Assert.Equal(AlertState.Pending, again.State);
        Assert.Equal(Start + 3 * Step, again.ActiveSince);
    }

    [Fact]
    public void Advance_FiringConditionStops_Resolves()
    {
        var machine = new AlertStateMachine(Health());
        machine.Advance([Sample("shop", active: true, 2)], Start);

        var resolved = Assert.Single(machine.Advance([Sample("shop", active: false, 0)], Start + Step));

        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(Start + Step, resolved.ResolvedAt);
        Assert.Equal(Start, resolved.FiredAt);
        Assert.Equal(0, resolved.Value);

        // Resolved and unchanged: nothing more to save.
        Assert.Empty(machine.Advance([Sample("shop", active: false)], Start + 2 * Step));
    }

    [Fact]
    public void Advance_LabelSetMissing_ResolvesLikeAFalseCondition()
    {
        var machine = new AlertStateMachine(Health());
        machine.Advance([Sample("shop", active: true), Sample("billing", active: true)], Start);

        var changed = machine.Advance([Sample("billing", active: true)], Start + Step);

        Assert.Equal(2, changed.Count);
        Assert.Equal(AlertState.Resolved, changed.Single(a => a.Labels["service"] == "shop").State);
        Assert.Equal(AlertState.Firing, changed.Single(a => a.Labels["service"] == "billing").State);
    }

    [Fact]
    public void Advance_KeepFiringFor_KeepsFiringAfterTheConditionStopsThenResolves()
    {
        var machine = new AlertStateMachine(Health(keepFiringFor: "25s"));
        machine.Advance([Sample("shop", active: true)], Start);

        // The condition last held at 0s: at 10s and 20s it keeps firing, at 30s (>= 25s) it resolves.
        Assert.Equal(AlertState.Firing, Assert.Single(machine.Advance([], Start + Step)).State);
        Assert.Equal(AlertState.Firing, Assert.Single(machine.Advance([], Start + 2 * Step)).State);
        var resolved = Assert.Single(machine.Advance([], Start + 3 * Step));
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(Start + 3 * Step, resolved.ResolvedAt);
    }

    [Fact]
    public void Advance_KeepFiringFor_ConditionBackInTime_CountsFromTheLatestHold()
    {
        var machine = new AlertStateMachine(Health(keepFiringFor: "25s"));
        machine.Advance([Sample("shop", active: true)], Start);
        machine.Advance([], Start + Step);
        machine.Advance([Sample("shop", active: true)], Start + 2 * Step);

        // Held at 20s: still firing at 40s, resolved at 50s.
        Assert.Equal(AlertState.Firing, Assert.Single(machine.Advance([], Start + 4 * Step)).State);
        Assert.Equal(AlertState.Resolved, Assert.Single(machine.Advance([], Start + 5 * Step)).State);
        Assert.Equal(Start, machine.Instances.Single().FiredAt);
    }

    [Fact]
    public void Advance_ResolvedThenBack_IsANewEpisodeOfTheSameInstance()
    {
        var machine = new AlertStateMachine(Health(@for: "10s"));
        machine.Advance([Sample("shop", active: true)], Start);
        machine.Advance([Sample("shop", active: true)], Start + Step);
        machine.Advance([], Start + 2 * Step);
        machine.Saved([machine.Instances.Single() with { Id = 42 }]);

        var back = Assert.Single(machine.Advance([Sample("shop", active: true)], Start + 3 * Step));

        Assert.Equal(42, back.Id);
        Assert.Equal(AlertState.Pending, back.State);
        Assert.Equal(Start + 3 * Step, back.ActiveSince);
        Assert.Null(back.FiredAt);
        Assert.Null(back.ResolvedAt);
    }

    [Fact]
    public void Advance_ResolvedInstances_AreDroppedFromMemoryAfterTheRetention()
    {
        var machine = new AlertStateMachine(Health());
        machine.Advance([Sample("shop", active: true)], Start);
        machine.Advance([], Start + Step);

        machine.Advance([], Start + Step + AlertStateMachine.ResolvedRetention - TimeSpan.FromSeconds(1));
        Assert.Single(machine.Instances);
        machine.Advance([], Start + Step + AlertStateMachine.ResolvedRetention);
        Assert.Empty(machine.Instances);
    }

    [Fact]
    public void Advance_SameLabelSetTwice_KeepsTheFirstSample()
    {
        var machine = new AlertStateMachine(Health());

        var changed = machine.Advance([Sample("shop", active: true, 1), Sample("shop", active: true, 2)], Start);

        Assert.Equal(1, Assert.Single(changed).Value);
    }

    [Fact]
    public void Advance_SampleLabelsCannotReplaceAlertnameOrSeverity()
    {
        var machine = new AlertStateMachine(Health());
        var sample = new RuleSample { Labels = AlertLabels.From([new("alertname", "Other"), new("severity", "info"), new("team", "ops")]), IsActive = true };

        var alert = Assert.Single(machine.Advance([sample], Start));

        Assert.Equal("Down", alert.Labels["alertname"]);
        Assert.Equal("critical", alert.Labels["severity"]);

        // A sample's label of the same name as a rule label wins (the rule said team=shop).
        Assert.Equal("ops", alert.Labels["team"]);
    }

    [Fact]
    public void Advance_Annotations_ShowValueThresholdAndLabels()
    {
        var machine = new AlertStateMachine(Health(summary: "{{ labels.service }} at {{value}} over {{ threshold }} ({{ labels.missing }})"));

        var alert = Assert.Single(machine.Advance([Sample("shop", active: true, 12.34567, 10)], Start));

        Assert.Equal("shop at 12.3457 over 10 ()", alert.Annotations["summary"]);
    }

    [Fact]
    public void Advance_ManyLabelSets_KeepsAtMostTheLimitAndCountsTheRest()
    {
        var machine = new AlertStateMachine(Health());
        var samples = Enumerable.Range(0, AlertStateMachine.MaxInstances + 7).Select(i => Sample($"s{i}", active: true)).ToList();

        var changed = machine.Advance(samples, Start);

        Assert.Equal(AlertStateMachine.MaxInstances, changed.Count);
        Assert.Equal(7, machine.Dropped);
    }

    [Fact]
    public void Restore_PendingInstanceFromTheStore_ForGoesOnCountingFromItsStart()
    {
        var rule = Health(@for: "60s");
        var before = new AlertStateMachine(rule);
        before.Advance([Sample("shop", active: true)], Start);
        var stored = before.Advance([Sample("shop", active: true)], Start + Step);

        // A restart: a new machine, restored from what was saved, evaluates 50s after the condition started.
        var after = new AlertStateMachine(rule);
        after.Restore([.. stored, stored[0] with { RuleName = "Other", Labels = AlertLabels.From([new("x", "y")]) }]);
        Assert.Single(after.Instances);
        Assert.Equal(AlertState.Pending, Assert.Single(after.Advance([Sample("shop", active: true)], Start + 5 * Step)).State);
        var fired = Assert.Single(after.Advance([Sample("shop", active: true)], Start + 6 * Step));
        Assert.Equal(AlertState.Firing, fired.State);
        Assert.Equal(Start, fired.ActiveSince);
    }

    [Fact]
    public void Restore_ResolvedInstances_AreNotRestored()
    {
        var machine = new AlertStateMachine(Health());
        var resolved = new AlertInstance { RuleName = "Down", Labels = AlertLabels.From([new("service", "shop")]), State = AlertState.Resolved };

        machine.Restore([resolved]);

        Assert.Empty(machine.Instances);
    }

    [Fact]
    public void ResolveAll_ResolvesFiringAndDropsPending()
    {
        var machine = new AlertStateMachine(Health(@for: "1m"));
        machine.Advance([Sample("shop", active: true)], Start);
        machine.Rebind(Health(name: "Down"));
        machine.Advance([Sample("billing", active: true)], Start + Step);

        var changed = machine.ResolveAll(Start + 2 * Step);

        Assert.Contains(changed, a => a.Labels["service"] == "billing" && a.State == AlertState.Resolved);
        Assert.Empty(machine.Instances);
    }
}
