using System.Globalization;
using Vigil.Model;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// Synthetic but realistic telemetry: web request logs over 24 hours from four services, three
/// attributes each, a trace id on most, one body in a hundred mentions a timeout.
/// </summary>
internal sealed class LoadData
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Span = TimeSpan.FromHours(24);

    private static readonly string[] s_services = ["checkout", "billing", "catalog", "search"];
    private static readonly string[] s_routes = ["/api/orders", "/api/cart", "/api/items", "/api/users", "/health"];
    private static readonly string[] s_methods = ["GET", "POST", "PUT", "DELETE"];

    private readonly TelemetryResource[] _resources;
    private readonly InstrumentationScopeInfo _scope = new() { Name = "Microsoft.AspNetCore.Hosting", Version = "10.0.0" };
    private readonly long _total;

    public LoadData(long total)
    {
        _total = total;
        _resources = s_services
            .Select(s => new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, s), new("host.name", "bench-1")] })
            .ToArray();
    }

    /// <summary>Record <paramref name="n"/> of the total; times rise evenly over 24 hours.</summary>
    public LogEntry Log(long n)
    {
        var time = Start + (Span * ((double)n / _total));
        var status = n % 50 == 0 ? 500 : 200;
        var route = s_routes[n % s_routes.Length];
        var body = n % 100 == 7
            ? string.Create(CultureInfo.InvariantCulture, $"Request {s_methods[n % 4]} {route} failed: upstream timeout after {n % 3000} ms")
            : string.Create(CultureInfo.InvariantCulture, $"Request {s_methods[n % 4]} {route} finished with {status} in {n % 997} ms");
        return new LogEntry
        {
            Timestamp = time,
            ObservedTimestamp = time,
            SeverityNumber = status == 500 ? 17 : 9,
            SeverityText = status == 500 ? "Error" : "Information",
            Body = body,
            Attributes =
            [
                new("http.route", route),
                new("http.status_code", status),
                new("user.id", string.Create(CultureInfo.InvariantCulture, $"u{n % 10_000}")),
            ],
            TraceId = n % 4 == 0 ? null : n.ToString("x32", CultureInfo.InvariantCulture),
            SpanId = n % 4 == 0 ? null : (n + 1).ToString("x16", CultureInfo.InvariantCulture),
            Resource = _resources[n % _resources.Length],
            Scope = _scope,
        };
    }

    /// <summary>A request counter per service and route, one cumulative point every 10 s for 24 hours.</summary>
    public IEnumerable<MetricPoint[]> MetricBatches()
    {
        var series = (from resource in _resources
                      from route in s_routes
                      select new MetricSeriesInfo
                      {
                          Name = "http.server.requests",
                          Unit = "{request}",
                          Kind = MetricKind.Sum,
                          Temporality = AggregationTemporality.Cumulative,
                          IsMonotonic = true,
                          Attributes = [new("http.route", route)],
                          Resource = resource,
                          Scope = _scope,
                      }).ToArray();
        var steps = (int)(Span.TotalSeconds / 10);
        for (var from = 0; from < steps; from += 100)
        {
            var batch = new List<MetricPoint>();
            for (var step = from; step < Math.Min(from + 100, steps); step++)
            {
                for (var s = 0; s < series.Length; s++)
                {
                    batch.Add(new MetricPoint
                    {
                        Series = series[s],
                        Timestamp = Start.AddSeconds(step * 10),
                        StartTimestamp = Start,
                        Value = (double)step * (s + 1),
                    });
                }
            }

            yield return [.. batch];
        }
    }
}
