using Microsoft.Extensions.DependencyInjection;
using Vigil.Alerting.Rules;
using Vigil.Alerting.Slos;
using Vigil.Storage;

namespace Vigil.Alerting;

/// <summary>The SLOs' part of alerting.</summary>
public static partial class AlertingServiceCollectionExtensions
{
    static partial void AddSlos(IServiceCollection services)
    {
        // The engine's SLOs, not the section's: a reload that adds or refuses one shows at once.
        services.AddSingleton<ISloSource>(provider => provider.GetRequiredService<AlertRuleEngine>());
        services.AddSingleton(provider => new SloEvaluator(
            new SloSources(provider.GetRequiredService<ITelemetryReader>(), provider.GetService<ISpanCountReader>()),
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
