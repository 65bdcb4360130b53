using Vigil.Storage;

namespace Vigil.Server;

/// <summary>Registers a store for the server's endpoints.</summary>
public static class VigilStoreServiceCollectionExtensions
{
    /// <summary>
    /// Puts the one store in DI under each of its roles, so every part of the server asks for the role it uses (ingest
    /// and probes write, the query API reads and triages, the alert engine saves alert state) and an engine that serves only some roles fits.
    /// </summary>
    /// <param name="services">The server's services.</param>
    /// <param name="store">The store; the caller keeps ownership of it.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddVigilStore(this IServiceCollection services, ITelemetryStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        services.AddSingleton(store);
        services.AddSingleton<IStore>(store);
        services.AddSingleton<ITelemetryWriter>(store);
        services.AddSingleton<ITelemetryReader>(store);
        services.AddSingleton<ITriageStore>(store);
        services.AddSingleton<IQueryStore>(store);
        services.AddSingleton<IRetentionStore>(store);
        services.AddSingleton<IAlertTriageStore>(store);
        services.AddSingleton<IAlertStateStore>(store);
        services.AddSingleton<IAlertSignalReader>(store);
        services.AddSingleton(store as ILeaderElection ?? AlwaysLeader.Instance);
        if (store is IPushTarget push)
        {
            services.AddSingleton(push);
        }

        if (store is ISpanCountReader spans)
        {
            services.AddSingleton(spans);
        }

        if (store is IExemplarReader exemplars)
        {
            services.AddSingleton(exemplars);
        }

        return services;
    }
}
