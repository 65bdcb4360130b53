using Microsoft.Extensions.DependencyInjection;
using Vigil.Alerting.Configuration;

namespace Vigil.Alerting;

/// <summary>The notifier's registration.</summary>
public static partial class AlertingServiceCollectionExtensions
{
    static partial void AddNotifications(IServiceCollection services, AlertingSection section) =>
        Notifications.NotificationServices.Add(services, section);
}
