using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Vigil.Health;

/// <summary>
/// Wires Vigil into the platform's health checks: its scheduler (<see cref="HealthCheckPublisherOptions"/>)
/// runs whatever the application registers with <c>AddHealthChecks()</c> on Vigil's period, a registration without
/// a timeout gets <see cref="HealthOptions.TimeoutSeconds"/>, and <see cref="HealthCheckRecorder"/> records every result.
/// </summary>
internal static class HealthServices
{
    // The platform logs each check's end itself, unhealthy ones at Error with the check's exception: every period,
    // that would open an error group and print a line. Vigil's own record replaces it.
    private const string PlatformCheckCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    public static void Add(IServiceCollection services, HealthOptions options, IDictionary<string, LogLevel> configuredLevels)
    {
        if (!options.Enabled)
        {
            return;
        }

        services.TryAddSingleton<HealthMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthCheckPublisher, HealthCheckRecorder>());
        services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Delay = TimeSpan.FromSeconds(options.DelaySeconds);
            publisher.Period = TimeSpan.FromSeconds(options.PeriodSeconds);
        });
        services.PostConfigure<HealthCheckServiceOptions>(checks =>
        {
            foreach (var registration in checks.Registrations)
            {
                if (registration.Timeout == Timeout.InfiniteTimeSpan)
                {
                    registration.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
                }
            }
        });

        if (!configuredLevels.ContainsKey(PlatformCheckCategory))
        {
            services.AddLogging(logging => logging.AddFilter<OpenTelemetryLoggerProvider>(PlatformCheckCategory, LogLevel.None));
        }

        // Results are data for the store (`vigil health`), not chatter: a quieter Default level must not drop the
        // healthy ones. The console has its own filter (HealthConsoleFilter); naming the category overrides this.
        if (!configuredLevels.ContainsKey(HealthCheckRecorder.CategoryName))
        {
            services.AddLogging(logging => logging.AddFilter<OpenTelemetryLoggerProvider>(HealthCheckRecorder.CategoryName, LogLevel.Information));
        }
    }
}
