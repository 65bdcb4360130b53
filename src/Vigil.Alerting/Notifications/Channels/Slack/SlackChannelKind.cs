using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications.Channels.Slack;

/// <summary>The <c>slack</c> kind: a Slack-compatible incoming webhook.</summary>
internal sealed class SlackChannelKind : NotificationChannelKind
{
    public override string Name => SlackChannel.KindName;

    public override IEnumerable<ConfigurationProblem> Validate(NotificationChannelOptions options, string path) =>
        ChannelKindSections.Check(options, path, Name, nameof(options.Slack), options.Slack, "{ \"Url\": \"https://hooks.slack.com/services/...\" }")
            .Concat(options.Slack?.Validate($"{path}:{nameof(options.Slack)}") ?? []);

    public override INotificationChannel Create(NotificationChannelOptions options, NotificationChannelContext context) =>
        new SlackChannel(options.Name!, options.Slack!, ChannelHttp.CreateClient());
}
