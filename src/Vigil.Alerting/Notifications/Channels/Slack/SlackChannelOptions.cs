using System.ComponentModel;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications.Channels.Slack;

/// <summary>
/// A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat): the URL the workspace gave, and what the
/// message may override. The URL is a secret (its path is the token), so messages show only its host.
/// </summary>
[Description("a Slack channel")]
public sealed class SlackChannelOptions
{
    /// <summary>The incoming webhook's URL, such as <c>https://hooks.slack.com/services/T000/B000/XXXX</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>A channel to post to instead of the webhook's own (<c>#ops</c>); only legacy webhooks honour it.</summary>
    public string? Channel { get; set; }

    /// <summary>The name the message is posted as, where the webhook allows it.</summary>
    public string? Username { get; set; }

    /// <summary>The icon the message is posted with (<c>:rotating_light:</c>), where the webhook allows it.</summary>
    public string? IconEmoji { get; set; }

    /// <summary>Every problem with these options, each with its key path under <paramref name="path"/>.</summary>
    /// <param name="path">The key path of these options, such as <c>Alerts:Channels:0</c>.</param>
    /// <returns>The problems; empty when the options are usable.</returns>
    public IReadOnlyList<ConfigurationProblem> Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<ConfigurationProblem>();
        ChannelValidation.Url(problems, $"{path}:Url", Url);
        ChannelValidation.Text(problems, $"{path}:Channel", Channel, maxLength: 80);
        ChannelValidation.Text(problems, $"{path}:Username", Username, maxLength: 80);
        ChannelValidation.Text(problems, $"{path}:IconEmoji", IconEmoji, maxLength: 80);
        return problems;
    }
}
