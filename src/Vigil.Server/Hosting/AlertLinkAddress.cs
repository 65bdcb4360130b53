using System.Globalization;
using System.Net;
using Vigil.Alerting.Notifications;

namespace Vigil.Server.Hosting;

/// <summary>The query listener's address, for the links in notifications (when <c>Alerts:ExternalUrl</c> is not set).</summary>
internal sealed class AlertLinkAddress(VigilListeners listeners, VigilServerOptions options) : IAlertLinkAddress
{
    public Uri? QueryAddress
    {
        get
        {
            int port;
            try
            {
                port = listeners.Port(VigilServerListener.Query);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidCastException or InvalidOperationException)
            {
                return null;
            }

            // A server bound to every interface is reached by its machine's name; one bound to an address, at it.
            var address = options.BindAddress();
            var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? Dns.GetHostName()
                : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}/"));
        }
    }
}
