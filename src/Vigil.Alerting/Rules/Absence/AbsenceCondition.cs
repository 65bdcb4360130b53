using System.Globalization;
using Vigil.Alerting.Rules.Conditions;
using Vigil.Model;

namespace Vigil.Alerting.Rules.Absence;

/// <summary>
/// A dead heartbeat: the value is the seconds since the service or metric last sent anything (the whole look-back
/// when nothing arrived in it), the threshold the window's seconds, and the condition holds when the silence has
/// lasted at least the window. Data stamped in the future (a skewed clock) counts as seen now.
/// </summary>
internal sealed class AbsenceCondition(AbsenceRuleSettings settings) : IRuleCondition
{
    public async Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lastSeen = await context.Signals.GetLastSeenAsync(
            new LastSeenQuery { ServiceName = settings.Service, MetricName = settings.Metric, Since = context.Now - settings.LookBack },
            cancellationToken).ConfigureAwait(false);
        var silent = lastSeen is { } seen ? (context.Now - seen < TimeSpan.Zero ? TimeSpan.Zero : context.Now - seen) : settings.LookBack;
        var detail = lastSeen is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"{What()} last seen {at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} ({ConditionFields.Show(TimeSpan.FromSeconds(Math.Floor(silent.TotalSeconds)))} ago)")
            : $"{What()} not seen in the last {ConditionFields.Show(settings.LookBack)}";
        return
        [
            new RuleSample
            {
                Labels = AlertLabels.From([KeyValuePair.Create("service", settings.Service ?? string.Empty), KeyValuePair.Create("metric", settings.Metric ?? string.Empty)]),
                Value = Math.Floor(silent.TotalSeconds),
                Threshold = settings.Window.TotalSeconds,
                IsActive = silent >= settings.Window,
                Evidence = new AlertEvidence { Detail = detail },
            },
        ];
    }

    private string What() => (settings.Service, settings.Metric) switch
    {
        ({ } service, { } metric) => $"metric {metric} of service {service}",
        (null, { } metric) => $"metric {metric}",
        ({ } service, _) => $"service {service}",
        _ => "nothing",
    };
}
