using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 that takes InfluxDB writes on both APIs and answers as told (a queue of statuses,
/// then 204), recording each request's path, query, authorization and body: for the sink's retry and refusal paths,
/// which a healthy InfluxDB does not take.
/// </summary>
internal sealed class LineProtocolReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _answers = new();
    private readonly ConcurrentQueue<ReceivedWrite> _writes = new();

    private LineProtocolReceiver(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Every request, answered with any status.</summary>
    public IReadOnlyList<ReceivedWrite> Writes => [.. _writes];

    public static async Task<LineProtocolReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new LineProtocolReceiver(app);
        app.MapPost("/write", receiver.HandleAsync);
        app.MapPost("/api/v2/write", receiver.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return receiver;
    }

    public void Answer(int status, string? retryAfter = null) => _answers.Enqueue((status, retryAfter));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        _writes.Enqueue(new ReceivedWrite(context.Request.Path, context.Request.QueryString.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), body));
        var (status, retryAfter) = _answers.TryDequeue(out var answer) ? answer : (204, null);
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (status >= 400)
        {
            await context.Response.WriteAsync("{\"error\":\"told to refuse\"}", context.RequestAborted).ConfigureAwait(false);
        }
    }
}

/// <summary>One request the receiver took.</summary>
internal sealed record ReceivedWrite(string Path, string Query, string Authorization, string Body);
