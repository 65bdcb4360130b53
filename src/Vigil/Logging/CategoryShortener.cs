namespace Vigil.Logging;

/// <summary>
/// Shortens long categories for the pretty console the way Java and .NET developers read them:
/// leading namespace segments shrink to their first letter, left first, until the name fits;
/// the type name stays whole (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c> becomes
/// <c>M.AspNetCore.Hosting.Diagnostics</c>). Results are cached: an app has few categories and each
/// record would otherwise allocate its shortened name again. Not thread-safe; used under the exporter's lock.
/// </summary>
internal sealed class CategoryShortener
{
    /// <summary>The width a category may take on a pretty line before it is shortened.</summary>
    public const int MaxLength = 32;

    // Bounds the cache against apps that make categories up per request.
    private const int MaxCachedCategories = 512;

    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);

    public string Shorten(string category)
    {
        if (category.Length <= MaxLength)
        {
            return category;
        }

        if (_cache.TryGetValue(category, out var cached))
        {
            return cached;
        }

        var shortened = Abbreviate(category);
        if (_cache.Count < MaxCachedCategories)
        {
            _cache[category] = shortened;
        }

        return shortened;
    }

    private static string Abbreviate(string category)
    {
        var segments = category.Split('.');
        var length = category.Length;
        for (var i = 0; i < segments.Length - 1 && length > MaxLength; i++)
        {
            if (segments[i].Length > 1)
            {
                length -= segments[i].Length - 1;
                segments[i] = segments[i][..1];
            }
        }

        return string.Join('.', segments);
    }
}
