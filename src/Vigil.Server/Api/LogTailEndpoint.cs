using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/logs/tail</c>: the live tail as server-sent events. It takes <c>/api/logs</c>' parameters and sends each
/// new batch of matching records as one <c>logs</c> event (after a first <c>ready</c> event whose id is where it starts) whose data is an <see cref="ApiPage{T}"/> of
/// <see cref="ApiLogRecord"/> and whose id is the page's <c>next</c>. A browser's <c>EventSource</c> sends that id back
/// as <c>Last-Event-ID</c> when it reconnects, so nothing is missed or repeated across a dropped connection. Without
/// <c>after</c> the tail starts after the newest stored match. It polls the store (a sequence-cursor query served by
/// the index) rather than hooking ingest, so it shows what is durable, from any writer of the store.
/// </summary>
internal static class LogTailEndpoint
{
    /// <summary>The event name the dashboard listens for.</summary>
    public const string EventName = "logs";

    /// <summary>The first event, sent at once: its id is the sequence the tail starts after.</summary>
    public const string ReadyEventName = "ready";

    /// <summary>How often the store is asked for new records: the tail's delay is at most this plus the query.</summary>
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>A comment line this often keeps proxies and idle timeouts from closing a quiet stream.</summary>
    private static readonly TimeSpan s_keepAliveInterval = TimeSpan.FromSeconds(15);

    public static Task<IResult> TailAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var query = LogsEndpoints.ReadQuery(context);
        if (query.BeforeSequence is not null)
        {
            throw new BadParameterException("before: the live tail only goes forward (use after, or no cursor)");
        }

        if (LastEventId(context.Request) is { } resumed)
        {
            query = query with { AfterSequence = resumed };
        }

        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();

        // Checked before the stream starts, so a store that cannot answer gets its problem document, not an empty stream.
        var start = query.AfterSequence ?? await NewestSequenceAsync(store, query, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.ServerSentEvents(Events(store, query with { AfterSequence = start }, context.RequestAborted));
    });

    private static long? LastEventId(HttpRequest request)
    {
        string? header = request.Headers["Last-Event-ID"];
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        return long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new BadParameterException($"Last-Event-ID: '{(header.Length > 32 ? header[..32] + "…" : header)}' is not a sequence number");
    }

    private static async Task<long> NewestSequenceAsync(ITelemetryReader store, LogQuery query, CancellationToken cancellationToken)
    {
        var newest = await store.QueryLogsAsync(query with { Limit = 1, AfterSequence = null }, cancellationToken).ConfigureAwait(false);
        return newest.Count == 0 ? 0 : newest[^1].Sequence;
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(ITelemetryReader store, LogQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = query.AfterSequence;
        var quiet = TimeSpan.Zero;

        // At once, so the client has the response (and where the tail starts) before the first record arrives.
        yield return new SseItem<string>(string.Empty, ReadyEventName) { EventId = cursor?.ToString(CultureInfo.InvariantCulture) };
        while (await WaitAsync(s_pollInterval, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<LogEntry> entries;
            try
            {
                entries = await store.QueryLogsAsync(query with { AfterSequence = cursor }, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (entries.Count == 0)
            {
                quiet += s_pollInterval;
                if (quiet >= s_keepAliveInterval)
                {
                    quiet = TimeSpan.Zero;

                    // An event with no records: EventSource ignores it unless listened for, and it keeps the line alive.
                    yield return new SseItem<string>(string.Empty, "keepalive");
                }

                continue;
            }

            quiet = TimeSpan.Zero;
            var page = LogsEndpoints.Page(entries, cursor);
            cursor = entries.Max(e => e.Sequence);
            yield return new SseItem<string>(JsonSerializer.Serialize(page, ApiJson.TypeInfo<ApiPage<ApiLogRecord>>()), EventName) { EventId = page.Next };
        }
    }

    private static async Task<bool> WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
