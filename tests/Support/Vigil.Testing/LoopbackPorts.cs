using System.Net;
using System.Net.Sockets;

namespace Vigil.Testing;

/// <summary>Ports for programs a test starts that cannot bind port 0 and report theirs (influxd, postgres).</summary>
public static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 now (another process may take it before the caller binds it, rarely).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
