using System.Globalization;
using Vigil.Model;

namespace Vigil.Alerting.Rules;

/// <summary>
/// Evaluates a <c>health</c> rule: one sample per check or probe the store knows (labels <c>health_source</c>,
/// <c>service</c> and <c>check</c>). For unhealthy and degraded, a stale state does not count (its status says
/// nothing about now: that is what <c>stale</c> rules are for); the value is the status (0 healthy, 1 degraded,
/// 2 unhealthy). For stale, the value is the age of the latest result in seconds.
/// </summary>
internal sealed class HealthCondition(HealthRuleKind.Settings settings) : IRuleCondition
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var states = await context.Triage.QueryHealthAsync(
            new HealthQuery { ServiceName = settings.Service, Kind = settings.Source, StaleAfter = settings.StaleAfter },
            cancellationToken).ConfigureAwait(false);
        var samples = new List<RuleSample>();
        foreach (var state in states)
        {
            var latest = state.Latest;
            if (settings.Name is { } name && !string.Equals(latest.Name, name, StringComparison.Ordinal))
            {
                continue;
            }

            var labels = AlertLabels.From(
            [
                new("health_source", latest.Kind == HealthSourceKind.Probe ? "probe" : "check"),
                new("service", latest.ServiceName ?? string.Empty),
                new("check", latest.Name),
            ]);
            var since = state.IsStale ? latest.Timestamp : state.Since;
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{latest.Timestamp:yyyy-MM-ddTHH:mm:ssZ} {(state.IsStale ? "stale" : Word(latest.Status))} since {since:yyyy-MM-ddTHH:mm:ssZ}: {latest.Description}");
            var evidence = new AlertEvidence { LogLines = [line.TrimEnd(' ', ':')] };
            samples.Add(settings.On switch
            {
                "stale" => new RuleSample
                {
                    Labels = labels,
                    Value = Math.Max(0, (context.Now - latest.Timestamp).TotalSeconds),
                    IsActive = state.IsStale,
                    Evidence = evidence,
                },
                _ => new RuleSample
                {
                    Labels = labels,
                    Value = (int)latest.Status,
                    Threshold = settings.On == "degraded" ? (int)HealthStatus.Degraded : (int)HealthStatus.Unhealthy,
                    IsActive = !state.IsStale && latest.Status >= (settings.On == "degraded" ? HealthStatus.Degraded : HealthStatus.Unhealthy),
                    Evidence = evidence,
                },
            });
        }

        return samples;
    }

    private static string Word(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
