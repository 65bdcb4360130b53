using Vigil.Alerting.Slos;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Alerting.Tests.Slos;

/// <summary>A real SQLite store file in a temporary directory, with builders for the spans and points SLOs read.</summary>
internal sealed class SloTestStore : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    public SloTestStore()
    {
        Store = SqliteTelemetryStore.Open(_directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        Path = _directory.Combine("vigil.db");
    }

    public ITelemetryStore Store { get; }

    public string Path { get; }

    public SloSources Sources => SloSources.From(Store);

    public static TelemetryResource Resource(string service) => new() { Attributes = [new(TelemetryResource.ServiceNameKey, service)] };

    public static SpanEntry ServerSpan(int n, DateTimeOffset start, TimeSpan? duration = null, bool error = false, string service = "shop") => new()
    {
        TraceId = n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
        SpanId = n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
        Name = "POST /checkout",
        Kind = SpanKind.Server,
        StartTime = start,
        EndTime = start + (duration ?? TimeSpan.FromMilliseconds(20)),
        StatusCode = error ? SpanStatusCode.Error : SpanStatusCode.Ok,
        Resource = Resource(service),
    };

    public static MetricSeriesInfo Counter(string name, string service = "shop") => new()
    {
        Name = name,
        Kind = MetricKind.Sum,
        IsMonotonic = true,
        Temporality = AggregationTemporality.Cumulative,
        Resource = Resource(service),
    };

    public static MetricSeriesInfo Histogram(string name, string service = "shop") => new()
    {
        Name = name,
        Unit = "ms",
        Kind = MetricKind.Histogram,
        Temporality = AggregationTemporality.Delta,
        Resource = Resource(service),
    };

    public Task WriteAsync(IEnumerable<SpanEntry> spans) => Store.WriteAsync(new TelemetryBatch { Spans = [.. spans] });

    public Task WriteAsync(IEnumerable<MetricPoint> points) => Store.WriteAsync(new TelemetryBatch { MetricPoints = [.. points] });

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
