using Microsoft.Extensions.DependencyInjection;
using Vigil.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds Vigil to an application built on the generic host.</summary>
public static class VigilHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds Vigil, reading the host's <c>Vigil</c> configuration section too, and taking
    /// <c>deployment.environment</c> from the host's environment name unless it is configured.
    /// </summary>
    /// <exception cref="Vigil.VigilConfigurationException">The configuration is invalid; the message names each bad key.</exception>
    public static TBuilder AddVigil<TBuilder>(this TBuilder builder, Action<Vigil.VigilOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var context = VigilStartupContext.FromProcess(builder.Configuration, builder.Environment.EnvironmentName);
        builder.Services.AddVigil(context, sinkEnvironment: null, configure);
        return builder;
    }
}
