using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications.Channels.Alertmanager;

/// <summary>The <c>alertmanager</c> kind: Prometheus Alertmanager's v2 API.</summary>
internal sealed class AlertmanagerChannelKind : NotificationChannelKind
{
    public override string Name => AlertmanagerChannel.KindName;

    public override IEnumerable<ConfigurationProblem> Validate(NotificationChannelOptions options, string path) =>
        ChannelKindSections.Check(options, path, Name, nameof(options.Alertmanager), options.Alertmanager, "{ \"Url\": \"http://127.0.0.1:9093\" }")
            .Concat(options.Alertmanager?.Validate($"{path}:{nameof(options.Alertmanager)}") ?? []);

    public override INotificationChannel Create(NotificationChannelOptions options, NotificationChannelContext context) =>
        new AlertmanagerChannel(options.Name!, options.Alertmanager!, ChannelHttp.CreateClient());
}
