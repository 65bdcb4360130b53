using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 that accepts OTLP/HTTP exports and keeps each request's path and
/// body, so a test can check what the real OpenTelemetry exporter sent over the wire.
/// </summary>
internal sealed class OtlpHttpSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, string ContentType, byte[] Body)> _requests = new();
    private readonly Task _loop;

    public OtlpHttpSink()
    {
        // HttpListener cannot bind port 0, so borrow a free port from the OS first.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public IReadOnlyList<(string Path, string ContentType, byte[] Body)> Requests => [.. _requests];

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? string.Empty, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
