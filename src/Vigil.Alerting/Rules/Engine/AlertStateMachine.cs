using Vigil.Model;

namespace Vigil.Alerting.Rules;

/// <summary>
/// The instances of one rule, one per label set, and how each evaluation moves them, as Prometheus does: a label set
/// whose condition starts to hold is <see cref="AlertState.Pending"/>; once it has held for the rule's <c>For</c> it
/// is <see cref="AlertState.Firing"/> (at once when <c>For</c> is 0). A pending one whose condition stops holding
/// goes back to <see cref="AlertState.Inactive"/>; a firing one keeps firing for <c>KeepFiringFor</c> after the
/// condition last held, then is <see cref="AlertState.Resolved"/>. A label set that an evaluation does not return
/// counts as "does not hold". Resolved instances stay in memory for <see cref="ResolvedRetention"/> (so a flapping
/// condition comes back as the same instance in the notifier's eyes), then are dropped; the store keeps the history.
/// Pure: time comes in as arguments, so tests drive it with any clock.
/// </summary>
internal sealed class AlertStateMachine
{
    /// <summary>How long a resolved instance stays in memory (as Prometheus keeps resolved alerts for 15 minutes).</summary>
    public static readonly TimeSpan ResolvedRetention = TimeSpan.FromMinutes(15);

    /// <summary>The most instances one rule keeps; samples of further label sets are dropped (and counted).</summary>
    public const int MaxInstances = 5000;

    private readonly Dictionary<AlertLabels, Entry> _entries = [];

    /// <summary>Creates the machine of a rule.</summary>
    /// <param name="rule">The rule.</param>
    public AlertStateMachine(AlertRule rule) => Rule = rule;

    /// <summary>The rule; replaced on reload by <see cref="Rebind"/>.</summary>
    public AlertRule Rule { get; private set; }

    /// <summary>The instances in memory: pending, firing, and recently resolved.</summary>
    public IReadOnlyCollection<AlertInstance> Instances => _entries.Values.Select(e => e.Instance).ToList();

    /// <summary>How many samples the latest evaluation dropped because the rule had <see cref="MaxInstances"/> label sets.</summary>
    public int Dropped { get; private set; }

    /// <summary>Takes the rule's pending and firing instances from the store after a restart, so <c>For</c> goes on counting.</summary>
    /// <param name="stored">The stored instances of this rule (others, and those neither pending nor firing, are ignored).</param>
    public void Restore(IEnumerable<AlertInstance> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var instance in stored)
        {
            if (instance.RuleName == Rule.Name && instance.State is AlertState.Pending or AlertState.Firing && !_entries.ContainsKey(instance.Labels))
            {
                _entries[instance.Labels] = new Entry(instance, instance.LastEvaluated);
            }
        }
    }

    /// <summary>
    /// Keeps the instances under a reloaded definition of the same rule. When the rule's labels changed, the old label
    /// sets are not produced any more and resolve at the next evaluation, as a changed label set means to a receiver.
    /// </summary>
    /// <param name="rule">The new definition.</param>
    public void Rebind(AlertRule rule) => Rule = rule ?? throw new ArgumentNullException(nameof(rule));

    /// <summary>Applies one evaluation.</summary>
    /// <param name="samples">The condition's samples.</param>
    /// <param name="now">The evaluation's time.</param>
    /// <returns>The instances to save: every pending or firing one, and every one whose state changed (to inactive or resolved).</returns>
    public IReadOnlyList<AlertInstance> Advance(IReadOnlyList<RuleSample> samples, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var seen = new HashSet<AlertLabels>();
        var changed = new List<AlertInstance>();
        Dropped = 0;
        foreach (var sample in samples)
        {
            var labels = Rule.Labels.With(sample.Labels).With([new(AlertLabels.AlertName, Rule.Name), new(AlertLabels.Severity, Rule.Severity)]);
            if (!seen.Add(labels))
            {
                continue;
            }

            if (!_entries.TryGetValue(labels, out var entry))
            {
                if (!sample.IsActive)
                {
                    continue;
                }

                if (_entries.Count >= MaxInstances)
                {
                    Dropped++;
                    continue;
                }
            }

            var next = sample.IsActive ? Hold(entry, labels, sample, now) : Release(entry!, sample, now);
            if (next is not null)
            {
                changed.Add(next.Instance);
            }
        }

        // A label set the evaluation did not return no longer holds.
        foreach (var (labels, entry) in _entries.ToList())
        {
            if (!seen.Contains(labels) && Release(entry, sample: null, now) is { } next)
            {
                changed.Add(next.Instance);
            }
        }

        Forget(now);
        return changed;
    }

    /// <summary>Records what the store answered (ids and acknowledgements) for saved instances.</summary>
    /// <param name="stored">The instances as <c>SaveAlertsAsync</c> returned them.</param>
    public void Saved(IEnumerable<AlertInstance> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var instance in stored)
        {
            if (_entries.TryGetValue(instance.Labels, out var entry))
            {
                _entries[instance.Labels] = entry with { Instance = entry.Instance with { Id = instance.Id, Acknowledgement = instance.Acknowledgement } };
            }
        }
    }

    /// <summary>Resolves every firing instance and drops pending ones, for a rule that was removed.</summary>
    /// <param name="now">The time.</param>
    /// <returns>The instances whose state changed.</returns>
    public IReadOnlyList<AlertInstance> ResolveAll(DateTimeOffset now)
    {
        var changed = new List<AlertInstance>();
        foreach (var (labels, entry) in _entries.ToList())
        {
            var state = entry.Instance.State switch
            {
                AlertState.Firing => AlertState.Resolved,
                AlertState.Pending => AlertState.Inactive,
                _ => entry.Instance.State,
            };
            if (state != entry.Instance.State)
            {
                var instance = entry.Instance with { State = state, ResolvedAt = state == AlertState.Resolved ? now : entry.Instance.ResolvedAt, LastEvaluated = now };
                changed.Add(instance);
            }

            _entries.Remove(labels);
        }

        return changed;
    }

    private Entry Hold(Entry? entry, AlertLabels labels, RuleSample sample, DateTimeOffset now)
    {
        var instance = entry?.Instance;
        if (instance is null || instance.State is AlertState.Inactive or AlertState.Resolved)
        {
            // A new episode: the same label set may have fired before; its id stays, its times start again.
            instance = new AlertInstance
            {
                Id = instance?.Id ?? 0,
                RuleName = Rule.Name,
                Labels = labels,
                State = AlertState.Pending,
                ActiveSince = now,
            };
        }

        var state = instance.State == AlertState.Pending && now - instance.ActiveSince >= Rule.For ? AlertState.Firing : instance.State;
        instance = Fill(instance, sample, now) with
        {
            State = state,
            FiredAt = state == AlertState.Firing && instance.State != AlertState.Firing ? now : instance.FiredAt,
            ResolvedAt = null,
        };
        var next = new Entry(instance, now);
        _entries[labels] = next;
        return next;
    }

    private Entry? Release(Entry entry, RuleSample? sample, DateTimeOffset now)
    {
        var instance = entry.Instance;
        switch (instance.State)
        {
            case AlertState.Pending:
                _entries.Remove(instance.Labels);
                return new Entry(Fill(instance, sample, now) with { State = AlertState.Inactive }, entry.LastActive);
            case AlertState.Firing when now - entry.LastActive < Rule.KeepFiringFor:
                var kept = entry with { Instance = Fill(instance, sample, now) };
                _entries[instance.Labels] = kept;
                return kept;
            case AlertState.Firing:
                var resolved = entry with { Instance = Fill(instance, sample, now) with { State = AlertState.Resolved, ResolvedAt = now, Acknowledgement = null } };
                _entries[instance.Labels] = resolved;
                return resolved;
            default:
                return null;
        }
    }

    // The value, threshold and evidence of the latest sample (kept when the label set went missing), and the annotations.
    private AlertInstance Fill(AlertInstance instance, RuleSample? sample, DateTimeOffset now)
    {
        var value = sample is null ? instance.Value : sample.Value;
        var threshold = sample is null ? instance.Threshold : sample.Threshold;
        var evidence = sample is { IsActive: true } ? sample.Evidence : instance.Evidence;
        return instance with
        {
            Value = value,
            Threshold = threshold,
            Evidence = evidence,
            LastEvaluated = now,
            Annotations = Rule.Annotations.ToDictionary(a => a.Key, a => a.Value.Render(instance.Labels, value, threshold, evidence.Detail), StringComparer.Ordinal),
        };
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (labels, entry) in _entries.ToList())
        {
            if (entry.Instance is { State: AlertState.Resolved, ResolvedAt: { } at } && now - at >= ResolvedRetention)
            {
                _entries.Remove(labels);
            }
        }
    }

    // LastActive: when the condition last held, for KeepFiringFor.
    private sealed record Entry(AlertInstance Instance, DateTimeOffset LastActive);
}
