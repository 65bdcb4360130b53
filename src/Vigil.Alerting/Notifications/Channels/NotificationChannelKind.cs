using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// One kind of channel: its name in configuration, the check of its options and the factory of its channels. Each kind
/// is one sealed subclass with a parameterless constructor, in its own file; <see cref="NotificationChannelKinds"/>
/// finds them all, so adding a kind touches no shared list.
/// </summary>
internal abstract class NotificationChannelKind
{
    /// <summary>The kind's name, as <c>Kind</c> spells it (lower case).</summary>
    public abstract string Name { get; }

    /// <summary>The problems with a channel's kind-specific options.</summary>
    /// <param name="options">The channel.</param>
    /// <param name="path">The channel's key path (<c>Alerts:Channels:2</c>).</param>
    /// <returns>The problems, each with its key path.</returns>
    public abstract IEnumerable<ConfigurationProblem> Validate(NotificationChannelOptions options, string path);

    /// <summary>Makes the channel from options that passed <see cref="Validate"/>.</summary>
    /// <param name="options">The channel.</param>
    /// <param name="context">What channels may use: the clock, logging, the server's services.</param>
    /// <returns>The channel.</returns>
    public abstract INotificationChannel Create(NotificationChannelOptions options, NotificationChannelContext context);
}
