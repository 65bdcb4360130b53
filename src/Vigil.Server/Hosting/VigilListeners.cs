using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Vigil.Server.Hosting;

/// <summary>
/// The three Kestrel listeners. Kestrel writes the bound port back into each listener's options, so
/// a port asked as 0 reads as the one chosen once the server has started.
/// </summary>
internal sealed class VigilListeners
{
    private readonly Dictionary<VigilServerListener, ListenOptions> _listeners = [];

    public void Add(VigilServerListener listener, ListenOptions options) => _listeners[listener] = options;

    public int Port(VigilServerListener listener) => ((IPEndPoint)_listeners[listener].EndPoint).Port;

    /// <summary>Which listener accepted the request's connection; null when none matches.</summary>
    public VigilServerListener? Identify(HttpContext context)
    {
        var localPort = context.Connection.LocalPort;
        foreach (var (listener, options) in _listeners)
        {
            if (options.EndPoint is IPEndPoint endPoint && endPoint.Port == localPort)
            {
                return listener;
            }
        }

        return null;
    }
}
