using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Cli.Tests.Commands.Push;

/// <summary>
/// A real HTTP proxy on 127.0.0.1 in front of a server that, after <c>dropAfter</c> pushed batches, forwards the next
/// one, lets the server store it and answer, and then drops the client's connection without passing the answer on:
/// the push dies after the server acknowledged and before the pusher heard it, the hardest place to be idempotent.
/// </summary>
internal sealed class DroppingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client = new();
    private int _pushes;

    private DroppingProxy(string target, int dropAfter)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context =>
        {
            var isPush = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/push", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target + context.Request.Path + context.Request.QueryString);
            if (HttpMethods.IsPost(context.Request.Method))
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                request.Content = new ByteArrayContent(buffer.ToArray());
                request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
            }

            foreach (var header in context.Request.Headers)
            {
                if (header.Key.StartsWith("Vigil-", StringComparison.OrdinalIgnoreCase) || header.Key == "Authorization")
                {
                    request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
                }
            }

            using var response = await _client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (isPush && Interlocked.Increment(ref _pushes) > dropAfter)
            {
                // Stored and acknowledged by the server; the pusher never hears of it.
                context.Abort();
                return;
            }

            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (header.Key is not ("Transfer-Encoding" or "Content-Length"))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            await context.Response.Body.WriteAsync(body);
        });
    }

    public string Url { get; private set; } = string.Empty;

    /// <summary>How many pushed batches reached the proxy.</summary>
    public int Pushes => Volatile.Read(ref _pushes);

    public static async Task<DroppingProxy> StartAsync(string target, int dropAfter)
    {
        var proxy = new DroppingProxy(target, dropAfter);
        await proxy._app.StartAsync();
        proxy.Url = proxy._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }
}
