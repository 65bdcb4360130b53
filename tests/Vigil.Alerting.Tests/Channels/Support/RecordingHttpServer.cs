using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Alerting.Tests.Channels.Support;

/// <summary>A real HTTP server on 127.0.0.1 that records every request on any path with its body as text (Vigil.Testing.RecordingReceiver takes JSON on /hook only) and answers with the next queued answer (200 when none).</summary>
internal sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _answers = new();

    private RecordingHttpServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Url(string path) => new($"http://127.0.0.1:{new Uri(_app.Urls.First()).Port}{path}");

    public static async Task<RecordingHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new RecordingHttpServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType, context.Request.Headers.Authorization.ToString(), body));
            var (status, text, retryAfter) = receiver._answers.TryDequeue(out var answer) ? answer : (200, "ok", null);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            await context.Response.WriteAsync(text);
        });
        await app.StartAsync();
        return receiver;
    }

    public void Answer(HttpStatusCode status, string body = "", string? retryAfter = null) => _answers.Enqueue(((int)status, body, retryAfter));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Method, string Path, string? ContentType, string Authorization, string Body);
