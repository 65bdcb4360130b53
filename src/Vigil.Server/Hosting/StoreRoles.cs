using Vigil.Storage;

namespace Vigil.Server.Hosting;

/// <summary>
/// Puts the one store in DI under each of its roles, so every part of the server asks for the role it uses (ingest
/// and probes write, the query API reads and triages) and a future engine that serves only some roles fits.
/// </summary>
internal static class StoreRoles
{
    public static IServiceCollection AddStoreRoles(this IServiceCollection services, ITelemetryStore store)
    {
        services.AddSingleton(store);
        services.AddSingleton<IStore>(store);
        services.AddSingleton<ITelemetryWriter>(store);
        services.AddSingleton<ITelemetryReader>(store);
        services.AddSingleton<ITriageStore>(store);
        services.AddSingleton<IQueryStore>(store);
        services.AddSingleton<IRetentionStore>(store);
        return services;
    }
}
