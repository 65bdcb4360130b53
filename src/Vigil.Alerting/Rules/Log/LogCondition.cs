using Vigil.Model;

namespace Vigil.Alerting.Rules.Log;

/// <summary>
/// Counts the matching log records of the window that ends now, by service, through the store's counting query
/// (which reads block summaries where it can, not every record). With a <c>Service</c> the rule has one instance,
/// whose count may be 0 (so <c>&lt;</c> works); without one, each service with at least one match is an instance.
/// An active sample carries the newest few matching lines as evidence.
/// </summary>
/// <remarks>
/// Evidence is a second query (records, not a count), so it is read when a label set turns active and then again only
/// once it is <see cref="EvidenceRefresh"/> old, not on every evaluation: a rule that stays active for an hour at a
/// 15 s interval reads its lines 60 times, not 240. Lines shown may so be up to a minute behind the count; they
/// are still lines that matched. A label set that stops being active forgets its lines, so the next activation
/// reads fresh ones.
/// </remarks>
internal sealed class LogCondition(LogRuleSettings settings) : IRuleCondition
{
    /// <summary>How many matching lines a notification shows.</summary>
    public const int EvidenceLines = 5;

    /// <summary>The longest body an evidence line shows.</summary>
    public const int MaxBodyLength = 200;

    /// <summary>The longest evidence is kept before it is read again: a minute, or the window if shorter.</summary>
    public TimeSpan EvidenceRefresh => settings.Window < TimeSpan.FromMinutes(1) ? settings.Window : TimeSpan.FromMinutes(1);

    // The lines the last evaluation showed, by service label: each evaluation keeps only those of the label sets it
    // shows lines for, so one that stops being active forgets them. The engine never evaluates one rule twice at once.
    private Dictionary<string, (AlertEvidence Evidence, DateTimeOffset ReadAt)> _evidence = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = new LogQuery
        {
            ServiceName = settings.Service,
            MinimumSeverity = settings.MinimumSeverity,
            Text = settings.Text,
            Attributes = settings.Where,
            From = context.Now - settings.Window,
            To = context.Now,
        };
        var counts = await context.Signals.CountLogsByServiceAsync(query, cancellationToken).ConfigureAwait(false);
        IEnumerable<KeyValuePair<string, long>> services = settings.Service is { } service
            ? [KeyValuePair.Create(service, counts.GetValueOrDefault(service))]
            : counts.OrderBy(c => c.Key, StringComparer.Ordinal);
        var samples = new List<RuleSample>();
        var shown = new Dictionary<string, (AlertEvidence Evidence, DateTimeOffset ReadAt)>(StringComparer.Ordinal);
        foreach (var (name, count) in services)
        {
            var active = settings.Comparison.Holds(count, settings.Threshold);
            samples.Add(new RuleSample
            {
                Labels = AlertLabels.From([KeyValuePair.Create("service", name)]),
                Value = count,
                Threshold = settings.Threshold,
                IsActive = active,
                Evidence = active && count > 0 ? await CachedEvidenceAsync(context, query, name, shown, cancellationToken).ConfigureAwait(false) : AlertEvidence.None,
            });
        }

        _evidence = shown;
        return samples;
    }

    private async Task<AlertEvidence> CachedEvidenceAsync(
        RuleContext context, LogQuery query, string service, Dictionary<string, (AlertEvidence Evidence, DateTimeOffset ReadAt)> shown, CancellationToken cancellationToken)
    {
        if (!_evidence.TryGetValue(service, out var cached) || context.Now - cached.ReadAt >= EvidenceRefresh || context.Now < cached.ReadAt)
        {
            cached = (await EvidenceAsync(context, query, service, cancellationToken).ConfigureAwait(false), context.Now);
        }

        shown[service] = cached;
        return cached.Evidence;
    }

    private static async Task<AlertEvidence> EvidenceAsync(RuleContext context, LogQuery query, string service, CancellationToken cancellationToken)
    {
        // Records without a service are counted under ""; their lines are looked for among every service's.
        var lines = await context.Reader.QueryLogsAsync(
            query with { ServiceName = service.Length == 0 ? null : service, Limit = EvidenceLines },
            cancellationToken).ConfigureAwait(false);
        return new AlertEvidence { LogLines = [.. lines.Reverse().Select(LogLine.Of)], TraceId = lines.LastOrDefault(l => l.TraceId is not null)?.TraceId };
    }
}
