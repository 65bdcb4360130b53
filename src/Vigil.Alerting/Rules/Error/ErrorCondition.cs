using System.Globalization;
using Vigil.Model;

namespace Vigil.Alerting.Rules;

/// <summary>
/// Evaluates an <c>error</c> rule against the triage store. A new group holds for <c>Window</c> after it is first
/// seen, and a regression until someone triages the group (both stop at once when the group is resolved or ignored),
/// so each is one alert per group rather than one per evaluation. Counts are of the group's stored latest events
/// within the window.
/// </summary>
internal sealed class ErrorCondition(ErrorRuleKind.Settings settings) : IRuleCondition
{
    /// <summary>The most groups one evaluation looks at (the most recently active first).</summary>
    public const int MaxGroups = 200;

    /// <summary>The most events counted per group and evaluation; a count at this cap is a lower bound.</summary>
    public const int MaxEventsCounted = 1000;

    private const string GroupLabel = "group_id";
    private const string TypeLabel = "error_type";
    private const string ServiceLabel = "service";

    // The latest trace of a group, by the group's LastSeen: re-read only when the group has new events.
    private readonly Dictionary<long, (DateTimeOffset LastSeen, string? TraceId)> _traces = [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return settings.On switch
        {
            "new" => await NewAsync(context, cancellationToken).ConfigureAwait(false),
            "regression" => await RegressionsAsync(context, cancellationToken).ConfigureAwait(false),
            _ => await CountsAsync(context, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<IReadOnlyList<RuleSample>> NewAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var since = context.Now - settings.Window;
        var groups = await GroupsAsync(context, since, cancellationToken).ConfigureAwait(false);
        var samples = new List<RuleSample>();
        foreach (var group in groups.Where(g => g.FirstSeen >= since && g.FirstSeen <= context.Now))
        {
            samples.Add(await GroupSampleAsync(context, group, cancellationToken).ConfigureAwait(false));
        }

        ForgetOthers(samples);
        return samples;
    }

    private async Task<IReadOnlyList<RuleSample>> RegressionsAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var groups = await GroupsAsync(context, from: null, cancellationToken).ConfigureAwait(false);
        var samples = new List<RuleSample>();
        foreach (var group in groups.Where(g => g.IsRegression))
        {
            samples.Add(await GroupSampleAsync(context, group, cancellationToken).ConfigureAwait(false));
        }

        ForgetOthers(samples);
        return samples;
    }

    private async Task<IReadOnlyList<RuleSample>> CountsAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var since = context.Now - settings.Window;
        var groups = await GroupsAsync(context, since, cancellationToken).ConfigureAwait(false);
        var perGroup = new List<(ErrorGroup Group, string? Service, int Count, string? TraceId)>();
        foreach (var group in groups)
        {
            var detail = await context.Triage.GetErrorGroupAsync(group.Id, hours: 0, MaxEventsCounted, cancellationToken).ConfigureAwait(false);
            if (detail is null)
            {
                continue;
            }

            // One entry per service that reported the group within the window, so "by service" can add them up.
            var inWindow = detail.LatestEvents
                .Where(e => e.Timestamp > since && e.Timestamp <= context.Now)
                .Where(e => settings.Service is null || string.Equals(e.ServiceName, settings.Service, StringComparison.Ordinal));
            foreach (var byService in inWindow.GroupBy(e => e.ServiceName))
            {
                perGroup.Add((group, byService.Key, byService.Count(), byService.First().TraceId));
            }
        }

        if (settings.By == "group")
        {
            return [.. perGroup.GroupBy(p => p.Group.Id).Select(g =>
            {
                var group = g.First().Group;
                var labels = GroupLabels(group);
                return Measure(labels, g.Sum(p => p.Count), Evidence(group, g.First().TraceId));
            })];
        }

        return [.. perGroup.Where(p => p.Service is not null).GroupBy(p => p.Service!, StringComparer.Ordinal).Select(s =>
        {
            var top = s.OrderByDescending(p => p.Count).First();
            return Measure(AlertLabels.From([new(ServiceLabel, s.Key)]), s.Sum(p => p.Count), Evidence(top.Group, top.TraceId));
        })];
    }

    private RuleSample Measure(AlertLabels labels, int count, AlertEvidence evidence)
    {
        var value = settings.On == "rate" ? count / settings.Window.TotalMinutes : count;
        var threshold = settings.Threshold ?? 0;
        return new RuleSample
        {
            Labels = labels,
            Value = value,
            Threshold = threshold,
            IsActive = value > threshold,
            Evidence = evidence,
        };
    }

    private async Task<IReadOnlyList<ErrorGroup>> GroupsAsync(RuleContext context, DateTimeOffset? from, CancellationToken cancellationToken)
    {
        var groups = await context.Triage.QueryErrorGroupsAsync(
            new ErrorGroupQuery
            {
                ServiceName = settings.Service,
                From = from,
                Status = ErrorGroupStatus.Unresolved,
                MinimumSeverity = settings.MinimumSeverity,
                Limit = MaxGroups,
            },
            cancellationToken).ConfigureAwait(false);
        return settings.Group is { } id ? [.. groups.Where(g => g.Id == id)] : groups;
    }

    private async Task<RuleSample> GroupSampleAsync(RuleContext context, ErrorGroup group, CancellationToken cancellationToken)
    {
        if (!_traces.TryGetValue(group.Id, out var trace) || trace.LastSeen != group.LastSeen)
        {
            var detail = await context.Triage.GetErrorGroupAsync(group.Id, hours: 0, latestEvents: 1, cancellationToken).ConfigureAwait(false);
            trace = (group.LastSeen, detail is { LatestEvents.Count: > 0 } ? detail.LatestEvents[0].TraceId : null);
            _traces[group.Id] = trace;
        }

        return new RuleSample { Labels = GroupLabels(group), IsActive = true, Evidence = Evidence(group, trace.TraceId) };
    }

    // The cache holds only the groups the latest evaluation reported.
    private void ForgetOthers(List<RuleSample> samples)
    {
        var current = samples.Select(s => s.Evidence.ErrorGroupId).ToHashSet();
        foreach (var id in _traces.Keys.Where(id => !current.Contains(id)).ToList())
        {
            _traces.Remove(id);
        }
    }

    private AlertLabels GroupLabels(ErrorGroup group)
    {
        // The group's id and type identify it; its service only when the rule names one (a group's services grow).
        var labels = new List<KeyValuePair<string, string>>
        {
            new(GroupLabel, group.Id.ToString(CultureInfo.InvariantCulture)),
            new(TypeLabel, group.Type),
        };
        if (settings.Service is { } service)
        {
            labels.Add(new(ServiceLabel, service));
        }

        return AlertLabels.From(labels);
    }

    private static AlertEvidence Evidence(ErrorGroup group, string? traceId) => new()
    {
        ErrorGroupId = group.Id,
        ErrorType = group.Type,
        ErrorMessage = group.Message,
        Culprit = group.Culprit,
        TraceId = traceId,
    };
}
