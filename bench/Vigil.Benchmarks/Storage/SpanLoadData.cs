using System.Globalization;
using Vigil.Model;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// Spans as a web service's traces give them: traces of <see cref="SpansPerTrace"/> spans (a server root and its
/// children), up to <see cref="DefaultAttributesPerSpan"/> attributes each (the ingest target's 10 by default), four services, an error
/// root in fifty and an exception-free event on one span in twenty. Every span has its own ids.
/// </summary>
internal static class SpanLoadData
{
    public const int SpansPerTrace = 10;
    public const int DefaultAttributesPerSpan = 10;

    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] s_services = ["checkout", "billing", "catalog", "search"];
    private static readonly string[] s_routes = ["/api/orders/{id}", "/api/cart", "/api/items", "/api/users/{id}", "/health"];

    public static List<SpanEntry[]> Batches(int total, int batchSize, int attributes = DefaultAttributesPerSpan)
    {
        var scope = new InstrumentationScopeInfo { Name = "Microsoft.AspNetCore", Version = "10.0.0" };
        var resources = s_services
            .Select(s => new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, s), new("host.name", "bench-1")] })
            .ToArray();
        var batches = new List<SpanEntry[]>();
        for (var first = 0; first < total; first += batchSize)
        {
            var batch = new SpanEntry[Math.Min(batchSize, total - first)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = Span(first + i, resources, scope, attributes);
            }

            batches.Add(batch);
        }

        return batches;
    }

    private static SpanEntry Span(long n, TelemetryResource[] resources, InstrumentationScopeInfo scope, int attributes)
    {
        var trace = n / SpansPerTrace;
        var child = n % SpansPerTrace;
        var start = s_start.AddTicks(trace * 10_000).AddTicks(child * 1_000);
        var route = s_routes[trace % s_routes.Length];
        var error = child == 0 && trace % 50 == 0;
        return new SpanEntry
        {
            TraceId = trace.ToString("x32", CultureInfo.InvariantCulture),
            SpanId = (n + 1).ToString("x16", CultureInfo.InvariantCulture),
            ParentSpanId = child == 0 ? null : ((trace * SpansPerTrace) + 1).ToString("x16", CultureInfo.InvariantCulture),
            TraceFlags = 1,
            Name = child == 0 ? "GET " + route : "SELECT orders",
            Kind = child == 0 ? SpanKind.Server : SpanKind.Client,
            StartTime = start,
            EndTime = start.AddTicks(child == 0 ? 9_000 : 700),
            StatusCode = error ? SpanStatusCode.Error : SpanStatusCode.Unset,
            StatusMessage = error ? "upstream timeout" : null,
            Attributes = ((KeyValuePair<string, object?>[])
            [
                new("http.route", route),
                new("http.request.method", "GET"),
                new("http.response.status_code", error ? 500 : 200),
                new("url.scheme", "https"),
                new("server.address", "shop.example"),
                new("server.port", 443),
                new("network.protocol.version", "1.1"),
                new("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64)"),
                new("client.address", "10.0.0." + (n % 250).ToString(CultureInfo.InvariantCulture)),
                new("enduser.id", "u" + (n % 10_000).ToString(CultureInfo.InvariantCulture)),
            ])[..Math.Min(attributes, DefaultAttributesPerSpan)],
            Events = n % 20 == 5
                ? [new SpanEventEntry { Name = "cache miss", Timestamp = start, Attributes = [new("cache.key", "order:" + trace.ToString(CultureInfo.InvariantCulture))] }]
                : [],
            Resource = resources[trace % resources.Length],
            Scope = scope,
        };
    }
}
