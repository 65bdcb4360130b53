using System.Net;
using System.Net.Sockets;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Commands.Serve;

/// <summary>
/// Tries the fixed ports before the server is built, so a port another program holds costs one line
/// naming the port and its option, not Kestrel's stack trace, and no store is created for a server that
/// never ran. Kestrel still binds for real afterwards; this only moves the common failure first.
/// </summary>
internal static class PortCheck
{
    /// <exception cref="CliUsageException">A fixed port cannot be listened on.</exception>
    public static void ThrowIfTaken(VigilServerOptions options)
    {
        var address = options.BindAddress();
        var held = new List<Socket>();
        try
        {
            foreach (var (port, option, what) in new[]
            {
                (options.GrpcPort, "--grpc-port", "OTLP/gRPC"),
                (options.OtlpHttpPort, "--otlp-port", "OTLP/HTTP"),
                (options.QueryPort, "--port", "the query API"),
            })
            {
                if (port == 0)
                {
                    continue;
                }

                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                held.Add(socket);
                try
                {
                    if (!OperatingSystem.IsWindows())
                    {
                        // As Kestrel does on Unix: a port with connections in TIME_WAIT from an earlier run is free to it.
                        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    }

                    socket.Bind(new IPEndPoint(address, port));
                    socket.Listen(1);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
                {
                    var why = e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "is already in use" : "may not be used by this user";
                    throw new CliUsageException(
                        $"port {port} ({what}, {option}) on {options.Bind} {why}: choose another with {option} PORT, or {option} 0 to pick a free one");
                }
            }
        }
        finally
        {
            foreach (var socket in held)
            {
                socket.Dispose();
            }
        }
    }
}
