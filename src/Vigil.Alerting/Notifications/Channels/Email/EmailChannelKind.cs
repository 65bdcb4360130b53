using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications.Channels.Email;

/// <summary>The <c>email</c> kind: one e-mail per notification over SMTP.</summary>
internal sealed class EmailChannelKind : NotificationChannelKind
{
    public override string Name => EmailChannel.KindName;

    public override IEnumerable<ConfigurationProblem> Validate(NotificationChannelOptions options, string path) =>
        ChannelKindSections.Check(options, path, Name, nameof(options.Email), options.Email, "{ \"Host\": \"smtp.example.com\", \"From\": \"vigil@example.com\", \"To\": [\"ops@example.com\"] }")
            .Concat(options.Email?.Validate($"{path}:{nameof(options.Email)}") ?? []);

    public override INotificationChannel Create(NotificationChannelOptions options, NotificationChannelContext context) =>
        new EmailChannel(options.Name!, options.Email!, context.EnvironmentVariables);
}
