using Vigil.Alerting.Rules;
using Vigil.Model;

namespace Vigil.Alerting.Slos;

/// <summary>
/// One SLO burn-rate alert as a rule condition: one sample, active while both windows burn faster than the factor.
/// Its value is the long window's burn rate (what Prometheus' <c>long &gt; f and short &gt; f</c> returns), its
/// threshold the factor. With no traffic in either window the sample is inactive and has no value: nothing measured
/// is not an outage (an absence rule is the tool for a service that went quiet).
/// </summary>
internal sealed class SloBurnRateCondition(SloDefinition slo, BurnRateWindow alert) : IRuleCondition
{
    private readonly AlertLabels _labels = SloRules.LabelsOf(slo, alert);

    public async Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = await SloEvaluator.EvaluateAlertAsync(SloSources.From(context.Reader), slo, alert, context.Now, cancellationToken).ConfigureAwait(false);
        return
        [
            new RuleSample
            {
                Labels = _labels,
                Value = status.LongBurnRate,
                Threshold = alert.Factor,
                IsActive = status.IsActive,
            },
        ];
    }
}
