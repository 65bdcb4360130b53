using OpenTelemetry.Logs;
using Vigil;
using Vigil.Sentry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds reporting of captured exceptions to Sentry (<c>Errors:Sentry</c>) to a Vigil pipeline.</summary>
public static class VigilSentryServiceCollectionExtensions
{
    /// <summary>
    /// Reports every exception Vigil captures (log records with an exception at <c>Errors:MinimumLogLevel</c> or
    /// above, unhandled exceptions among them) to the Sentry DSN of <c>Errors:Sentry:Dsn</c> or <c>SENTRY_DSN</c>,
    /// through the official Sentry SDK's own client: the application's global <c>SentrySdk</c>, if it has one, is
    /// left alone. Without a DSN nothing is reported. Call it beside <c>AddVigil()</c>, in either order.
    /// </summary>
    /// <param name="services">The service collection Vigil is added to.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddVigilSentry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.ConfigureOpenTelemetryLoggerProvider(logs => logs.AddProcessor(provider =>
            SentryReportingProcessor.Create(provider.GetRequiredService<VigilOptions>())));
        return services;
    }
}
