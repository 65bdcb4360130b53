using Vigil.Alerting.Notifications.Channels;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>The <c>console</c> kind: a log record per notification, which the server's console shows.</summary>
internal sealed class ConsoleChannelKind : NotificationChannelKind
{
    public const string KindName = "console";

    public override string Name => KindName;

    public override IEnumerable<ConfigurationProblem> Validate(NotificationChannelOptions options, string path) =>
        ChannelKindSections.Others(options, path, KindName);

    public override INotificationChannel Create(NotificationChannelOptions options, NotificationChannelContext context) =>
        new ConsoleChannel(options.Name!, context.Loggers);
}
