using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications.Channels;

/// <summary>The sub-section checks every channel kind shares: its own is required, the others' are not read.</summary>
internal static class ChannelKindSections
{
    /// <summary>A kind with a sub-section of its own (<paramref name="key"/>): it is required, the others are refused.</summary>
    public static IEnumerable<ConfigurationProblem> Check(NotificationChannelOptions options, string path, string kind, string key, object? own, string example)
    {
        if (own is null)
        {
            yield return new ConfigurationProblem($"{path}:{key}", $"is missing: a {kind} channel needs \"{key}\": {example}");
        }

        foreach (var problem in Others(options, path, kind, key))
        {
            yield return problem;
        }
    }

    /// <summary>Every sub-section but <paramref name="ownKey"/> (none, for a kind without one, like <c>console</c>) is refused.</summary>
    public static IEnumerable<ConfigurationProblem> Others(NotificationChannelOptions options, string path, string kind, string? ownKey = null)
    {
        foreach (var (name, section) in Sections(options))
        {
            if (section is not null && name != ownKey)
            {
                yield return new ConfigurationProblem($"{path}:{name}", $"is only read for a channel of kind {name.ToLowerInvariant()}, and this one is of kind {kind}");
            }
        }
    }

    private static IEnumerable<(string Name, object? Section)> Sections(NotificationChannelOptions options) =>
    [
        (nameof(options.Webhook), options.Webhook),
        (nameof(options.Slack), options.Slack),
        (nameof(options.Email), options.Email),
        (nameof(options.Alertmanager), options.Alertmanager),
    ];
}
