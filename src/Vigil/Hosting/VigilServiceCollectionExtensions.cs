using Vigil.Configuration;
using Vigil.Pipeline;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Vigil to a service collection.</summary>
public static class VigilServiceCollectionExtensions
{
    /// <summary>
    /// Captures what the application writes through <c>ILogger</c>, <c>Meter</c> and <c>ActivitySource</c>
    /// and sends it to the sinks configured in <c>vigil.json</c>, environment variables and <paramref name="configure"/>.
    /// </summary>
    /// <exception cref="Vigil.VigilConfigurationException">The configuration is invalid; the message names each bad key.</exception>
    public static IServiceCollection AddVigil(this IServiceCollection services, Action<Vigil.VigilOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddVigil(VigilStartupContext.FromProcess(), sinkEnvironment: null, configure);
    }

    internal static IServiceCollection AddVigil(this IServiceCollection services, VigilStartupContext context, SinkEnvironment? sinkEnvironment, Action<Vigil.VigilOptions>? configure)
    {
        var options = VigilOptionsLoader.Load(context, configure);
        VigilPipeline.Add(services, options, sinkEnvironment ?? SinkEnvironment.FromProcess(context.Environment, context.WorkingDirectory));
        return services;
    }
}
