namespace Vigil.Alerting.Notifications;

/// <summary>The server's query address, which links in notifications start from when <c>Alerts:ExternalUrl</c> is not set.</summary>
public interface IAlertLinkAddress
{
    /// <summary>The address (<c>http://127.0.0.1:4320/</c>), or null while the server cannot say (before it listens).</summary>
    Uri? QueryAddress { get; }
}
