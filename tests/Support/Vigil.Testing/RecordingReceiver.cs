using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Testing;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, port 0) that records every webhook payload and answers as told: a
/// queue of statuses (then 200), optionally with <c>Retry-After</c>, and an optional gate that holds every request
/// until the test opens it (a slow receiver).
/// </summary>
public sealed class RecordingReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _answers = new();
    private readonly ConcurrentQueue<JsonDocument> _payloads = new();
    private readonly ConcurrentQueue<Dictionary<string, string>> _headers = new();
    private TaskCompletionSource _gate = OpenGate();
    private int _requests;
    private int _waiting;

    private RecordingReceiver(WebApplication app) => _app = app;

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook");

    public IReadOnlyList<JsonDocument> Payloads => [.. _payloads];

    /// <summary>Each recorded request's headers, copied (Kestrel reuses its own dictionary).</summary>
    public IReadOnlyList<Dictionary<string, string>> Headers => [.. _headers];

    /// <summary>Every request that arrived, answered or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests held at the gate now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public static async Task<RecordingReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new RecordingReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return receiver;
    }

    public void Answer(int status, string? retryAfter = null) => _answers.Enqueue((status, retryAfter));

    /// <summary>From now on, requests wait until <see cref="Open"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Open();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var payload in _payloads)
        {
            payload.Dispose();
        }
    }

    private static TaskCompletionSource OpenGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _waiting);
        try
        {
            await _gate.Task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        if (_answers.TryDequeue(out var answer) && answer.Status != 200)
        {
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = answer.RetryAfter;
            }

            return;
        }

        _headers.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        _payloads.Enqueue(await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false));
    }
}
