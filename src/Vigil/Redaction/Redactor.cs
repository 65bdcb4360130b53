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

    // Keyed by reference: templates are interned literals, and comparing by reference keeps lookups cheap.
    private readonly ConcurrentDictionary<string, bool> _templates = new(ReferenceEqualityComparer.Instance);

    public Redactor(RedactionOptions options)
    {
        Replacement = options.Replacement;
        _fragments = [.. DefaultKeys.Concat(options.Keys).Select(Normalize).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    public string Replacement { get; }

    /// <summary>Whether values under <paramref name="key"/> are masked. Allocation-free once a key has been seen.</summary>
    public bool IsSecret(string key) => _cache.TryGetValue(key, out var secret) ? secret : Classify(key);

    /// <summary>
    /// Whether any property of a message template looks secret, cached per template instance: a
    /// log call site passes the same template string every time, so most records skip the walk.
    /// </summary>
    public bool TemplateMayHoldSecret(string template, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        if (_templates.TryGetValue(template, out var mayHoldSecret))
        {
            return mayHoldSecret;
        }

        mayHoldSecret = false;
        for (var i = 0; i < attributes.Count; i++)
        {
            mayHoldSecret |= IsSecret(attributes[i].Key);
        }

        if (_templates.Count < MaxCachedKeys)
        {
            _templates.TryAdd(template, mayHoldSecret);
        }

        return mayHoldSecret;
    }

    // Kept apart from IsSecret: a lambda here would capture locals and allocate on every call, cache hits included.
    private bool Classify(string key)
    {
        var normalized = Normalize(key);
        var secret = false;
        foreach (var fragment in _fragments)
        {
            if (normalized.Contains(fragment, StringComparison.Ordinal))
            {
                secret = true;
                break;
            }
        }

        if (_cache.Count < MaxCachedKeys)
        {
            _cache.TryAdd(key, secret);
        }

        return secret;
    }

    private static string Normalize(string key) =>
        string.Concat(key.Where(c => c is not ('_' or '-' or '.' or ' ')).Select(char.ToLowerInvariant));
}
