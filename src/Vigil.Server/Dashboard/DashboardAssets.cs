using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Vigil.Server.Dashboard;

/// <summary>
/// The dashboard's files (Dashboard/Site, embedded as <c>dashboard/NAME</c>): plain ES modules and CSS written in this
/// repository, so there is nothing to build, fetch or bundle, and the server works with no network.
/// </summary>
internal static class DashboardAssets
{
    private const string ResourcePrefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> s_contentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".txt"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, DashboardAsset>> s_all = new(Load);

    /// <summary>Every file by its path under Site (<c>app.js</c>, <c>views/logs.js</c>).</summary>
    public static FrozenDictionary<string, DashboardAsset> All => s_all.Value;

    /// <summary>The file at a path, or null.</summary>
    public static DashboardAsset? Find(string path) => All.GetValueOrDefault(path);

    private static FrozenDictionary<string, DashboardAsset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !s_contentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            files[name[ResourcePrefix.Length..].Replace('\\', '/')] = new DashboardAsset(content, contentType, etag);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
