using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Rules;
using Vigil.Storage;

namespace Vigil.Alerting;

/// <summary>The rule engine's registration.</summary>
public static partial class AlertingServiceCollectionExtensions
{
    static partial void AddRules(IServiceCollection services, AlertingSection section)
    {
        // The server registers a source that knows its configuration file; without it, the section as given.
        services.TryAddSingleton(new AlertRuleSource(section));

        // Budgets are read where the rules find them, so list_budgets reports what budget rules judge.
        services.TryAddSingleton(sp => sp.GetRequiredService<AlertRuleSource>().Budgets);
        services.AddSingleton(sp => new AlertRuleEngine(
            sp.GetRequiredService<AlertRuleSource>(),
            new RuleEngineServices(
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetService<IAlertStateStore>() ?? sp.GetRequiredService<ITelemetryStore>(),
                sp.GetRequiredService<ITelemetryReader>(),
                sp.GetService<IAlertSignalReader>() ?? sp.GetRequiredService<ITelemetryStore>(),
                sp.GetRequiredService<ITriageStore>(),
                sp.GetService<IAlertNotifier>(),
                (ILogger?)sp.GetService<ILogger<AlertRuleEngine>>() ?? NullLogger.Instance)
            {
                Leader = sp.GetService<ILeaderElection>() ?? AlwaysLeader.Instance,
            }));
        services.AddHostedService(sp => sp.GetRequiredService<AlertRuleEngine>());
    }
}
