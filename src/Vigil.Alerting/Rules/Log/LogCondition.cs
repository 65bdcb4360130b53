using Vigil.Alerting.Rules.Conditions;
using Vigil.Model;

namespace Vigil.Alerting.Rules.Log;

/// <summary>
/// Counts the matching log records of the window that ends now, by service, through the store's counting query
/// (which reads block summaries where it can, not every record). With a <c>Service</c> the rule has one instance,
/// whose count may be 0 (so <c>&lt;</c> works); without one, each service with at least one match is an instance.
/// An active sample carries the newest few matching lines as evidence.
/// </summary>
internal sealed class LogCondition(LogRuleSettings settings) : IRuleCondition
{
    /// <summary>How many matching lines a notification shows.</summary>
    public const int EvidenceLines = 5;

    /// <summary>The longest body an evidence line shows.</summary>
    public const int MaxBodyLength = 200;

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
        var counts = await SignalReader.Of(context).CountLogsByServiceAsync(query, cancellationToken).ConfigureAwait(false);
        IEnumerable<KeyValuePair<string, long>> services = settings.Service is { } service
            ? [KeyValuePair.Create(service, counts.GetValueOrDefault(service))]
            : counts.OrderBy(c => c.Key, StringComparer.Ordinal);
        var samples = new List<RuleSample>();
        foreach (var (name, count) in services)
        {
            var active = settings.Comparison.Holds(count, settings.Threshold);
            samples.Add(new RuleSample
            {
                Labels = AlertLabels.From([KeyValuePair.Create("service", name)]),
                Value = count,
                Threshold = settings.Threshold,
                IsActive = active,
                Evidence = active && count > 0 ? await EvidenceAsync(context, query, name, cancellationToken).ConfigureAwait(false) : AlertEvidence.None,
            });
        }

        return samples;
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
