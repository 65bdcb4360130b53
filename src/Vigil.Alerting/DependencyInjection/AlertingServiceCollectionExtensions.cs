using Microsoft.Extensions.DependencyInjection;
using Vigil.Alerting.Configuration;

namespace Vigil.Alerting;

/// <summary>Registers the alert engine: the rule evaluator, the SLOs and the notifier, over the store already registered.</summary>
public static partial class AlertingServiceCollectionExtensions
{
    /// <summary>Adds alerting, configured by the server's <c>Alerts</c> section.</summary>
    /// <param name="services">The server's services; the store's roles must already be registered.</param>
    /// <param name="section">The validated section.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddVigilAlerting(this IServiceCollection services, AlertingSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddSingleton(section);
        AddRules(services, section);
        AddSlos(services);
        AddNotifications(services, section);
        return services;
    }

    // Each part registers its own services in its own file (Rules/, Slos/, Notifications/).
    static partial void AddRules(IServiceCollection services, AlertingSection section);

    static partial void AddSlos(IServiceCollection services);

    static partial void AddNotifications(IServiceCollection services, AlertingSection section);
}
