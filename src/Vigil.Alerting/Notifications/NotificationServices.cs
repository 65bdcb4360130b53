using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications.Engine;
using Vigil.Storage;

namespace Vigil.Alerting.Notifications;

/// <summary>Registers the notifier: the compiled settings, the acknowledgement links, the channel workers and the service.</summary>
internal static class NotificationServices
{
    public static void Add(IServiceCollection services, AlertingSection section)
    {
        var settings = NotificationSettingsCompiler.Compile(section, "Alerts", out var problems)
            ?? throw new InvalidOperationException("The Alerts notification keys are not valid: " + string.Join("; ", problems));
        services.AddSingleton(settings);
        services.AddSingleton<NotificationStatistics>();
        services.AddSingleton<INotificationStatistics>(sp => sp.GetRequiredService<NotificationStatistics>());
        services.AddSingleton(sp => new AcknowledgementLinks(Key(sp.GetRequiredService<IStore>()), settings.LinkValidity));
        services.AddSingleton(sp => Create(sp, settings));
        services.AddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<NotificationService>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<NotificationService>());
    }

    /// <summary>
    /// Builds the notifier from settings and a store; the server's registration and the tests both use it.
    /// <paramref name="environmentVariables"/> is what channels read secrets through (the process environment when null).
    /// </summary>
    public static NotificationService Create(
        NotificationSettings settings,
        IAlertStateStore store,
        AcknowledgementLinks acknowledgements,
        Func<Uri?> queryAddress,
        NotificationStatistics statistics,
        TimeProvider time,
        ILoggerFactory loggers,
        IServiceProvider services,
        IReadOnlyDictionary<string, INotificationChannel>? channels = null,
        ILeaderElection? leader = null,
        Func<string, string?>? environmentVariables = null)
    {
        var context = new NotificationChannelContext(time, loggers, services, environmentVariables ?? Environment.GetEnvironmentVariable);
        var logger = loggers.CreateLogger("Vigil.Alerting.Notifications");
        var workers = new Dictionary<string, ChannelWorker>(StringComparer.Ordinal);
        foreach (var options in settings.Channels)
        {
            var channel = channels?.GetValueOrDefault(options.Name!) ?? NotificationChannelKinds.All[options.Kind!].Create(options, context);
            workers[options.Name!] = new ChannelWorker(channel, options, store, statistics, time, logger, leader);
        }

        var address = () => settings.ExternalUrl ?? queryAddress();
        var links = new NotificationLinkBuilder(address, acknowledgements);
        return new NotificationService(new NotificationEngine(settings, links.For), workers, store, time, logger, leader);
    }

    private static NotificationService Create(IServiceProvider sp, NotificationSettings settings)
    {
        var store = sp.GetService<IAlertStateStore>() ?? (IAlertStateStore)sp.GetRequiredService<ITelemetryStore>();
        var address = sp.GetService<IAlertLinkAddress>();
        return Create(
            settings,
            store,
            sp.GetRequiredService<AcknowledgementLinks>(),
            () => address?.QueryAddress,
            sp.GetRequiredService<NotificationStatistics>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp,
            leader: sp.GetService<ILeaderElection>());
    }

    // The key lives beside the store, so links outlive a restart; a store with no directory gets a key for this run.
    private static byte[] Key(IStore store)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(store.Location));
        return directory is not null && Directory.Exists(directory)
            ? AcknowledgementLinks.LoadOrCreateKey(directory)
            : System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    }
}
