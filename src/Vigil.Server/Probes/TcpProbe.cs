using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Vigil.Model;

namespace Vigil.Server.Probes;

/// <summary>A TCP probe: healthy when a connection to the host and port opens.</summary>
internal sealed class TcpProbe : IProbe
{
    private readonly string _host;
    private readonly int _port;

    public TcpProbe(ProbeDefinition definition)
    {
        _host = definition.Host ?? throw new ArgumentException("A TCP probe needs a host.", nameof(definition));
        _port = definition.Port;
    }

    public async Task<ProbeAttempt> RunAsync(CancellationToken cancellationToken)
    {
        // Dual-mode socket: a host name may resolve to IPv4 or IPv6 addresses.
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await socket.ConnectAsync(_host, _port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return ProbeAttempt.Unhealthy($"cannot connect to {_host}:{_port}: {e.Message}");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        socket.Shutdown(SocketShutdown.Both);
        return new ProbeAttempt(
            HealthStatus.Healthy,
            string.Create(CultureInfo.InvariantCulture, $"connected to {_host}:{_port} in {elapsed.TotalMilliseconds:0} ms"),
            [new("server.address", _host), new("server.port", _port)]);
    }

    public void Dispose()
    {
    }
}
