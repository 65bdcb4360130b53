using System.Globalization;
using System.Text;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Logs.V1;
using Vigil.Server.Otlp.Proto.Resource.V1;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// One exception sent the two ways a .NET service sends it: a Sentry envelope (<c>sentry</c>, one event each, as the
/// Sentry SDK posts them) and an OTLP log record with the <c>exception.*</c> attributes (<c>errors</c>). Both carry
/// the same type, message and 20-frame stack, so both go through the same grouping, and the rows compare the two
/// front doors, not two workloads. Event ids differ per event (the store counts a retried id once).
/// </summary>
internal static class IngestErrorRequests
{
    private const int Frames = 20;
    private const int ExceptionTypes = 16;

    /// <summary>The Sentry DSN key the envelopes name (the bench server has no API key, so any key is taken).</summary>
    public const string SentryKey = "0123456789abcdef0123456789abcdef";

    public static byte[] SentryEnvelope(int client, int request)
    {
        var eventId = EventId(client, request);
        var (type, message, _) = Exception(client, request);
        var frames = new StringBuilder();
        for (var f = Frames - 1; f >= 0; f--)
        {
            frames.Append(CultureInfo.InvariantCulture, $$"""{"module":"Shop.Orders.Layer{{f}}","function":"Step{{f}}","filename":"Layer{{f}}.cs","lineno":{{10 + f}},"in_app":{{(f < 12 ? "true" : "false")}}}""");
            if (f > 0)
            {
                frames.Append(',');
            }
        }

        var payload = $$$"""{"event_id":"{{{eventId}}}","timestamp":"{{{DateTimeOffset.UtcNow:O}}}","platform":"csharp","level":"error","release":"shop@1.4.2","environment":"bench","server_name":"bench-host","tags":{"service":"bench-{{{client}}}"},"exception":{"values":[{"type":"{{{type}}}","value":"{{{message}}}","stacktrace":{"frames":[{{{frames}}}]}}]}}""";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $$"""{"event_id":"{{eventId}}","dsn":"http://{{SentryKey}}@127.0.0.1/1","sent_at":"{{DateTimeOffset.UtcNow:O}}"}""").Append('\n')
            .Append(CultureInfo.InvariantCulture, $$"""{"type":"event","length":{{Encoding.UTF8.GetByteCount(payload)}}}""").Append('\n')
            .Append(payload).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static ExportLogsServiceRequest OtlpErrors(int client, int request, int records)
    {
        var now = IngestRequests.NowNanoseconds();
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Shop.Orders.OrderService" } };
        for (var i = 0; i < records; i++)
        {
            var (type, message, stack) = Exception(client, (request * records) + i);
            var record = new LogRecord
            {
                TimeUnixNano = now + ((ulong)i * 1000),
                SeverityNumber = SeverityNumber.Error,
                SeverityText = "Error",
                Body = new AnyValue { StringValue = "Order placement failed" },
            };
            record.Attributes.Add(Attribute("exception.type", type));
            record.Attributes.Add(Attribute("exception.message", message));
            record.Attributes.Add(Attribute("exception.stacktrace", stack));
            scope.LogRecords.Add(record);
        }

        var resource = new Resource
        {
            Attributes =
            {
                Attribute("service.name", $"bench-{client}"),
                Attribute("service.version", "1.4.2"),
                Attribute("deployment.environment.name", "bench"),
            },
        };
        return new ExportLogsServiceRequest { ResourceLogs = { new ResourceLogs { Resource = resource, ScopeLogs = { scope } } } };
    }

    // 16 exception types over the same frames: a few groups, each with many occurrences, as a failing service sends.
    private static (string Type, string Message, string Stack) Exception(int client, int n)
    {
        var type = $"Shop.Orders.OrderFailure{(n + client) % ExceptionTypes}Exception";
        var message = $"Order {n} could not be placed for customer {client * 7919 % 10007}";
        var stack = new StringBuilder().Append(type).Append(": ").Append(message);
        for (var f = 0; f < Frames; f++)
        {
            stack.Append(CultureInfo.InvariantCulture, $"\n   at Shop.Orders.Layer{f}.Step{f}() in /src/Shop.Orders/Layer{f}.cs:line {10 + f}");
        }

        return (type, message, stack.ToString());
    }

    private static string EventId(int client, int request) => ((long)(client + 1) << 32 | (uint)request).ToString("x32", CultureInfo.InvariantCulture);

    private static KeyValue Attribute(string key, string value) => IngestRequests.Attribute(key, new AnyValue { StringValue = value });
}
