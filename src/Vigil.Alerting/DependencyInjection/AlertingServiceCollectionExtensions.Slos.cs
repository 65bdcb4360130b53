using Microsoft.Extensions.DependencyInjection;
using Vigil.Alerting.Rules;
using Vigil.Alerting.Slos;

namespace Vigil.Alerting;

/// <summary>The SLOs' part of alerting.</summary>
public static partial class AlertingServiceCollectionExtensions
{
    static partial void AddSlos(IServiceCollection services)
    {
        // The engine's SLOs, not the section's: a reload that adds or refuses one shows at once.
        services.AddSingleton<ISloSource>(provider => provider.GetRequiredService<AlertRuleEngine>());
        services.AddSingleton(provider => new SloEvaluator(SloSources.From(provider), provider.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
