using Microsoft.Extensions.DependencyInjection;
using Vigil.Alerting.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>Registers the notifier: the compiled settings now; the engine, the delivery workers and the links follow.</summary>
internal static class NotificationServices
{
    public static void Add(IServiceCollection services, AlertingSection section)
    {
        var settings = NotificationSettingsCompiler.Compile(section, "Alerts", out var problems)
            ?? throw new InvalidOperationException("The Alerts notification keys are not valid: " + string.Join("; ", problems));
        services.AddSingleton(settings);
    }
}
