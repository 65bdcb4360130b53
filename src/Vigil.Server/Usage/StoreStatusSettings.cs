using Vigil.Server.Disk;
using Vigil.Storage;

namespace Vigil.Server.Usage;

/// <summary>
/// The settings a <see cref="StoreStatus"/> reports beside the store's figures: the disk guard's floor and retention,
/// as a server runs them (<c>VigilServerOptions.StatusSettings</c>) or as a configuration file sets them for a store
/// file read by <c>vigil status</c> (<c>ServerConfiguration.StatusSettings</c>).
/// </summary>
/// <param name="ConfigurationFile">The configuration file they came from; null: the server's defaults.</param>
/// <param name="DiskGuard">The floor's rule.</param>
/// <param name="Retention">Retention as configured; null: none.</param>
/// <param name="RetentionInterval">How often retention runs.</param>
internal sealed record StoreStatusSettings(string? ConfigurationFile, DiskGuardOptions DiskGuard, RetentionOptions? Retention, TimeSpan RetentionInterval);
