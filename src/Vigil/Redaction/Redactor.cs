using System.Collections.Concurrent;

namespace Vigil.Redaction;

/// <summary>
/// Decides which attribute keys hold secrets. Keys are compared without case and ignoring
/// <c>_</c>, <c>-</c>, <c>.</c> and spaces, so <c>api_key</c>, <c>ApiKey</c> and <c>x-api-key</c> all match <c>apikey</c>.
/// </summary>
internal sealed class Redactor
{
    public static readonly IReadOnlyList<string> DefaultKeys =
    [
        "password", "passwd", "pwd", "secret", "token", "authorization", "apikey", "connectionstring", "credential", "cookie",
    ];

    // Keys are nearly always literals from code, so the answer is cached; the cap keeps an app that
    // invents keys at run time from growing the cache without end.
    private const int MaxCachedKeys = 4096;

    private readonly string[] _fragments;
    private readonly ConcurrentDictionary<string, bool> _cache = new(StringComparer.Ordinal);

    public Redactor(RedactionOptions options)
    {
        Replacement = options.Replacement;
        _fragments = [.. DefaultKeys.Concat(options.Keys).Select(Normalize).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    public string Replacement { get; }

    public bool IsSecret(string key)
    {
        if (_cache.TryGetValue(key, out var secret))
        {
            return secret;
        }

        var normalized = Normalize(key);
        secret = _fragments.Any(fragment => normalized.Contains(fragment, StringComparison.Ordinal));
        if (_cache.Count < MaxCachedKeys)
        {
            _cache.TryAdd(key, secret);
        }

        return secret;
    }

    private static string Normalize(string key) =>
        string.Concat(key.Where(c => c is not ('_' or '-' or '.' or ' ')).Select(char.ToLowerInvariant));
}
