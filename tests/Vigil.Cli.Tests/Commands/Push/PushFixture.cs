using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Commands.Push;

/// <summary>A local store with logs, spans and metric points of two services, and the counting both sides are checked with.</summary>
internal static class PushFixture
{
    public const int Logs = 250;
    public const int Spans = 120;
    public const int Points = 90;
    public const int ErrorLogs = 10;

    private const string Stack =
        "System.InvalidOperationException: order has no lines\n" +
        "   at Shop.Orders.OrderService.PlaceAsync(Order order) in /src/Shop/Orders/OrderService.cs:line 31";

    /// <summary>Writes the records in several batches (several log blocks), as an application's sink would.</summary>
    public static async Task WriteAsync(TempStore local)
    {
        // Recent: the server keeps what its retention allows and clamps only future times.
        var now = DateTimeOffset.UtcNow.AddMinutes(-30);
        for (var batch = 0; batch < 5; batch++)
        {
            var logs = new List<LogEntry>();
            for (var i = batch * (Logs / 5); i < (batch + 1) * (Logs / 5); i++)
            {
                var service = i % 2 == 0 ? "orders" : "billing";
                logs.Add(i < ErrorLogs ? Failure(i, now.AddSeconds(i)) : Some.Log($"order {i} placed", now.AddSeconds(i), service: service));
            }

            var spans = new List<SpanEntry>();
            for (var i = batch * (Spans / 5); i < (batch + 1) * (Spans / 5); i++)
            {
                spans.Add(Some.Span($"GET /orders/{i}", (i + 1).ToString("x16", System.Globalization.CultureInfo.InvariantCulture), null, now.AddSeconds(i), TimeSpan.FromMilliseconds(5 + i), traceId: (i + 1).ToString("x32", System.Globalization.CultureInfo.InvariantCulture), service: i % 2 == 0 ? "orders" : "billing"));
            }

            var points = new List<MetricPoint>();
            for (var i = batch * (Points / 5); i < (batch + 1) * (Points / 5); i++)
            {
                var point = Some.Gauge("queue.depth", i, now.AddSeconds(i), service: i % 2 == 0 ? "orders" : "billing");

                // Every tenth point carries an exemplar naming a span, which a push must carry with it.
                points.Add(i % 10 != 0 ? point : point with
                {
                    Exemplars = [new MetricExemplar { Timestamp = now.AddSeconds(i), Value = i, TraceId = (i + 1).ToString("x32", System.Globalization.CultureInfo.InvariantCulture), SpanId = (i + 1).ToString("x16", System.Globalization.CultureInfo.InvariantCulture), FilteredAttributes = [new("user.id", (long)i)] }],
                });
            }

            await local.WriteAsync(new TelemetryBatch { Logs = logs, Spans = spans, MetricPoints = points });
        }
    }

    private static LogEntry Failure(int i, DateTimeOffset at) => Some.Log($"order {i} failed", at, severity: 17, service: "orders") with
    {
        ExceptionType = "System.InvalidOperationException",
        ExceptionMessage = "order has no lines",
        ExceptionStackTrace = Stack,
        Attributes =
        [
            new("exception.type", "System.InvalidOperationException"),
            new("exception.message", "order has no lines"),
            new("exception.stacktrace", Stack),
        ],
    };

    /// <summary>Each signal's record count in a store file (read-only, beside a server that may have it open).</summary>
    public static async Task<(long Logs, long Spans, long Points)> CountAsync(string path)
    {
        var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        await using (store.ConfigureAwait(false))
        {
            var source = (IPushSource)store;
            return (
                await source.CountAfterAsync(PushSignal.Logs, 0, null),
                await source.CountAfterAsync(PushSignal.Spans, 0, null),
                await source.CountAfterAsync(PushSignal.MetricPoints, 0, null));
        }
    }

    /// <summary>Every metric exemplar in a store file, as text: what a push must carry with its points.</summary>
    public static async Task<List<string>> ExemplarsAsync(string path)
    {
        var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        await using (store.ConfigureAwait(false))
        {
            var points = await ((IPushSource)store).ReadMetricPointsAfterAsync(0, 10_000, null, null);
            return [.. points.SelectMany(p => p.Record.Exemplars)
                .Select(e => $"{e.Timestamp:O} {e.Value} {e.TraceId}/{e.SpanId} {string.Join(",", e.FilteredAttributes.Select(a => $"{a.Key}={a.Value}"))}")
                .Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Every log body and every span id in a store file: what "nothing missing, nothing twice" is checked on.</summary>
    public static async Task<(List<string> Bodies, List<string> SpanIds)> ContentAsync(string path)
    {
        var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        await using (store.ConfigureAwait(false))
        {
            var logs = await store.QueryLogsAsync(new LogQuery { AfterSequence = 0, Limit = 10_000 });
            var spans = await ((IPushSource)store).ReadSpansAfterAsync(0, 10_000, null, null);
            return ([.. logs.Select(l => l.Body!).Order(StringComparer.Ordinal)], [.. spans.Select(s => s.Record.TraceId + "/" + s.Record.SpanId).Order(StringComparer.Ordinal)]);
        }
    }
}
