namespace Vigil.Alerting.Notifications;

/// <summary>The registry of channel kinds: every <see cref="NotificationChannelKind"/> in this assembly, by name.</summary>
internal static class NotificationChannelKinds
{
    private static readonly Lazy<IReadOnlyDictionary<string, NotificationChannelKind>> s_all = new(Discover);

    /// <summary>Every kind, by name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, NotificationChannelKind> All => s_all.Value;

    /// <summary>The kind names, sorted, for messages.</summary>
    public static string Names => string.Join(", ", All.Keys.Order(StringComparer.Ordinal));

    private static Dictionary<string, NotificationChannelKind> Discover()
    {
        var kinds = new Dictionary<string, NotificationChannelKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in typeof(NotificationChannelKind).Assembly.GetTypes())
        {
            if (type.IsAbstract || !type.IsSubclassOf(typeof(NotificationChannelKind)))
            {
                continue;
            }

            var kind = (NotificationChannelKind)Activator.CreateInstance(type, nonPublic: true)!;
            if (!kinds.TryAdd(kind.Name, kind))
            {
                throw new InvalidOperationException($"Two channel kinds are named '{kind.Name}': {kinds[kind.Name].GetType().Name} and {type.Name}.");
            }
        }

        return kinds;
    }
}
