using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications.Routing;
using Vigil.Model;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// Checks the notification keys of <see cref="AlertingSection"/> and compiles them into <see cref="NotificationSettings"/>:
/// every problem is collected with its key path, and the settings are made only when there is none.
/// </summary>
internal static partial class NotificationSettingsCompiler
{
    /// <summary>The grouping label that stands for every label.</summary>
    public const string GroupByAll = "...";

    // Deep trees are a mistake, and a bound keeps the walk cheap on every alert.
    private const int MaxRouteDepth = 16;

    public static NotificationSettings? Compile(AlertingSection section, string path, out IReadOnlyList<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(section);
        var found = new List<ConfigurationProblem>();
        var channels = Channels(section, path, found);
        var names = channels.Select(c => c.Name!).ToHashSet(StringComparer.Ordinal);
        var windows = MuteWindows(section, path, found);
        var policies = Policies(section, path, names, found);
        var root = Route(section.Route, $"{path}:Route", "0", parent: null, depth: 0, names, policies, windows, found);
        var inhibit = Inhibit(section, path, found);
        if (section.ExternalUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            found.Add(new($"{path}:ExternalUrl", $"{ConfigurationText.Show(url.OriginalString)} is not allowed: an absolute http:// or https:// URL"));
        }

        if (section.AcknowledgementLinkValidity is { } validity && validity < TimeSpan.FromMinutes(1))
        {
            found.Add(new($"{path}:AcknowledgementLinkValidity", "is shorter than a minute: a link must outlive the delivery of its notification (allowed: 1m to 24h)"));
        }

        problems = found;
        return found.Count > 0 || root is null
            ? null
            : new NotificationSettings
            {
                Channels = channels,
                Route = root,
                Inhibit = inhibit,
                ExternalUrl = section.ExternalUrl,
                LinkValidity = section.AcknowledgementLinkValidity ?? NotificationSettings.DefaultLinkValidity,
            };
    }

    private static List<NotificationChannelOptions> Channels(AlertingSection section, string path, List<ConfigurationProblem> problems)
    {
        var channels = new List<NotificationChannelOptions>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < section.Channels.Count; i++)
        {
            var channel = section.Channels[i];
            var at = $"{path}:Channels:{i}";
            var ok = true;
            if (!IsName(channel.Name))
            {
                problems.Add(new($"{at}:Name", $"{Show(channel.Name)} is not a channel name: 1 to {NotificationChannelOptions.MaxNameLength} letters, digits, '-', '_' or '.'"));
                ok = false;
            }
            else if (!seen.Add(channel.Name!))
            {
                problems.Add(new($"{at}:Name", $"'{channel.Name}' names another channel already: channel names are unique"));
                ok = false;
            }

            if (channel.Kind is null || !NotificationChannelKinds.All.TryGetValue(channel.Kind, out var kind))
            {
                problems.Add(new($"{at}:Kind", $"{Show(channel.Kind)} is not a channel kind: one of {NotificationChannelKinds.Names}"));
                ok = false;
            }
            else
            {
                var before = problems.Count;
                problems.AddRange(kind.Validate(channel, at));
                ok &= problems.Count == before;
                channel.Kind = kind.Name;
            }

            if (channel.Timeout is { } timeout && (timeout < TimeSpan.FromMilliseconds(100) || timeout > TimeSpan.FromMinutes(5)))
            {
                problems.Add(new($"{at}:Timeout", "is not allowed: from 100ms to 5m"));
            }

            if (channel.MaxAttempts is < 1 or > NotificationChannelOptions.MaxMaxAttempts)
            {
                problems.Add(new($"{at}:MaxAttempts", $"{channel.MaxAttempts} is not allowed: a whole number from 1 to {NotificationChannelOptions.MaxMaxAttempts}"));
            }

            if (channel.RetryDelay is { } delay && delay > TimeSpan.FromMinutes(10))
            {
                problems.Add(new($"{at}:RetryDelay", "is not allowed: at most 10m"));
            }

            if (ok)
            {
                channels.Add(channel);
            }
        }

        if (section.Channels.Count == 0)
        {
            channels.Add(new NotificationChannelOptions { Name = NotificationSettings.ConsoleChannelName, Kind = ConsoleChannelKind.KindName });
        }

        return channels;
    }

    private static Dictionary<string, MuteWindow> MuteWindows(AlertingSection section, string path, List<ConfigurationProblem> problems)
    {
        var windows = new Dictionary<string, MuteWindow>(StringComparer.Ordinal);
        for (var i = 0; i < section.MuteWindows.Count; i++)
        {
            var window = section.MuteWindows[i];
            var at = $"{path}:MuteWindows:{i}";
            if (!IsName(window.Name))
            {
                problems.Add(new($"{at}:Name", $"{Show(window.Name)} is not a mute window name: 1 to {NotificationChannelOptions.MaxNameLength} letters, digits, '-', '_' or '.'"));
            }
            else if (windows.ContainsKey(window.Name!))
            {
                problems.Add(new($"{at}:Name", $"'{window.Name}' names another mute window already: names are unique"));
            }

            var compiled = MuteWindowText.Compile(window, at, problems);
            if (compiled is not null && IsName(window.Name))
            {
                windows.TryAdd(window.Name!, compiled);
            }
        }

        return windows;
    }

    private static Dictionary<string, EscalationPolicy> Policies(AlertingSection section, string path, HashSet<string> channels, List<ConfigurationProblem> problems)
    {
        var policies = new Dictionary<string, EscalationPolicy>(StringComparer.Ordinal);
        for (var i = 0; i < section.Escalations.Count; i++)
        {
            var policy = section.Escalations[i];
            var at = $"{path}:Escalations:{i}";
            var before = problems.Count;
            if (!IsName(policy.Name))
            {
                problems.Add(new($"{at}:Name", $"{Show(policy.Name)} is not a policy name: 1 to {NotificationChannelOptions.MaxNameLength} letters, digits, '-', '_' or '.'"));
            }
            else if (policies.ContainsKey(policy.Name!))
            {
                problems.Add(new($"{at}:Name", $"'{policy.Name}' names another escalation policy already: names are unique"));
            }

            if (policy.Levels.Count is 0 or > EscalationPolicyOptions.MaxLevels)
            {
                problems.Add(new($"{at}:Levels", $"has {policy.Levels.Count} levels: a policy has 1 to {EscalationPolicyOptions.MaxLevels}"));
            }

            var levels = new List<EscalationLevel>();
            for (var l = 0; l < policy.Levels.Count; l++)
            {
                var level = policy.Levels[l];
                var levelAt = $"{at}:Levels:{l}";
                ChannelNames(level.Channels, $"{levelAt}:Channels", channels, problems, required: true);
                var delay = level.Delay ?? TimeSpan.Zero;
                if (l > 0 && delay <= TimeSpan.Zero)
                {
                    problems.Add(new($"{levelAt}:Delay", "is missing: every level after the first waits a delay (a duration from 1s to 24h) after the one before"));
                }

                levels.Add(new EscalationLevel([.. level.Channels], delay));
            }

            if (policy.Repeat is < 0 or > EscalationPolicyOptions.MaxRepeat)
            {
                problems.Add(new($"{at}:Repeat", $"{policy.Repeat} is not allowed: a whole number from 0 to {EscalationPolicyOptions.MaxRepeat}"));
            }

            var repeatDelay = policy.RepeatDelay ?? (levels.Count > 0 ? levels[^1].Delay : TimeSpan.Zero);
            if (policy.Repeat > 0 && repeatDelay <= TimeSpan.Zero)
            {
                problems.Add(new($"{at}:RepeatDelay", "is missing: a policy that repeats waits a delay (a duration from 1s to 24h) before it starts over, and its last level has none to lend"));
            }

            if (problems.Count == before)
            {
                policies[policy.Name!] = new EscalationPolicy(policy.Name!, levels, policy.Repeat ?? 0, repeatDelay, policy.AcknowledgementTimeout);
            }
            else if (IsName(policy.Name))
            {
                // Known but broken: routes that name it are not told it is missing as well.
                policies.TryAdd(policy.Name!, new EscalationPolicy(policy.Name!, [], 0, TimeSpan.Zero, null));
            }
        }

        return policies;
    }

    private static List<InhibitRule> Inhibit(AlertingSection section, string path, List<ConfigurationProblem> problems)
    {
        var rules = new List<InhibitRule>();
        for (var i = 0; i < section.Inhibit.Count; i++)
        {
            var rule = section.Inhibit[i];
            var at = $"{path}:Inhibit:{i}";
            var before = problems.Count;
            var source = Matchers(rule.SourceMatchers, $"{at}:SourceMatchers", problems);
            var target = Matchers(rule.TargetMatchers, $"{at}:TargetMatchers", problems);
            if (rule.SourceMatchers.Count == 0)
            {
                problems.Add(new($"{at}:SourceMatchers", "is empty: give at least one matcher, e.g. \"alertname=ServiceDown\""));
            }

            if (rule.TargetMatchers.Count == 0)
            {
                problems.Add(new($"{at}:TargetMatchers", "is empty: give at least one matcher, e.g. \"severity=warning\""));
            }

            for (var e = 0; e < rule.Equal.Count; e++)
            {
                if (!LabelMatcher.IsLabelName(rule.Equal[e]))
                {
                    problems.Add(new($"{at}:Equal:{e}", $"{Show(rule.Equal[e])} is not a label name: letters, digits, '_' and '.', not starting with a digit"));
                }
            }

            if (problems.Count == before)
            {
                rules.Add(new InhibitRule(source, target, [.. rule.Equal]));
            }
        }

        return rules;
    }

    internal static List<LabelMatcher> Matchers(IList<string> texts, string path, List<ConfigurationProblem> problems)
    {
        var matchers = new List<LabelMatcher>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (LabelMatcher.TryParse(texts[i] ?? string.Empty, out var matcher, out var problem))
            {
                matchers.Add(matcher!);
            }
            else
            {
                problems.Add(new($"{path}:{i}", problem!));
            }
        }

        return matchers;
    }

    internal static void ChannelNames(IList<string> names, string path, HashSet<string> channels, List<ConfigurationProblem> problems, bool required)
    {
        if (required && names.Count == 0)
        {
            problems.Add(new(path, $"is empty: name at least one channel (configured: {string.Join(", ", channels.Order(StringComparer.Ordinal))})"));
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (!channels.Contains(names[i] ?? string.Empty))
            {
                problems.Add(new($"{path}:{i}", $"{Show(names[i])} is not a configured channel: one of {string.Join(", ", channels.Order(StringComparer.Ordinal))}"));
            }
        }
    }

    internal static bool IsName(string? name) =>
        name is { Length: > 0 and <= NotificationChannelOptions.MaxNameLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    internal static string Show(string? text) => text is null ? "nothing" : ConfigurationText.Show(text);
}
