using Microsoft.Extensions.DependencyInjection;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Slos;
using Vigil.Storage;

namespace Vigil.Alerting;

/// <summary>The SLOs' part of alerting.</summary>
public static partial class AlertingServiceCollectionExtensions
{
    static partial void AddSlos(IServiceCollection services, AlertingSection section)
    {
        services.AddSingleton(new SloCatalog(SloConfiguration.Build(section)));
        services.AddSingleton(provider => new SloEvaluator(
            new SloSources(provider.GetRequiredService<ITelemetryReader>(), provider.GetService<ISpanCountReader>()),
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
