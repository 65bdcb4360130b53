using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Vigil.Model;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.PostgreSql;
using Vigil.Storage.Sqlite;
using Vigil.Testing.PostgreSql;

namespace Vigil.Server.Tests.Otlp;

/// <summary>
/// The real OpenTelemetry .NET SDK and OTLP exporter, with the trace-based exemplar filter, into a real server on each
/// engine: a histogram recorded inside an activity is stored with exemplars that name that activity's span, and that
/// span is the one the same store holds for the trace.
/// </summary>
public sealed class ExemplarExportTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Export_HistogramRecordedInsideActivity_ExemplarsCarryThatSpan(string engine)
    {
        // Arrange
        using var directory = new TempDirectory();
        await using var database = engine == "postgresql" ? await PostgreSqlTestDatabase.CreateAsync() : null;
        await using var store = database is null
            ? SqliteTelemetryStore.Open(directory.Combine("vigil.db"), TelemetryStoreOptions.Writer)
            : PostgreSqlTelemetryStore.Open(database.ConnectionString);
        var options = new VigilServerOptions { StorePath = directory.Combine("unused.db"), GrpcPort = 0, OtlpHttpPort = 0, QueryPort = 0 };
        await using var app = VigilServerApplication.Create(options, store);
        await app.StartAsync().DefaultTimeout();
        var endpoint = new Uri($"http://127.0.0.1:{app.Port(VigilServerListener.OtlpGrpc)}");
        var name = $"vigil.tests.exemplars.{Guid.NewGuid():N}";
        using var source = new ActivitySource(name);
        using var meter = new Meter(name);
        var histogram = meter.CreateHistogram<double>("checkout.duration", unit: "ms");
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(name)
            .SetSampler(new AlwaysOnSampler())
            .AddOtlpExporter(o => { o.Endpoint = endpoint; o.Protocol = OtlpExportProtocol.Grpc; })
            .Build();
        using var metrics = Sdk.CreateMeterProviderBuilder()
            .AddMeter(name)
            .SetExemplarFilter(ExemplarFilterType.TraceBased)
            .AddView(histogram.Name, new ExplicitBucketHistogramConfiguration { Boundaries = [10, 50, 100] })
            .AddOtlpExporter(o => { o.Endpoint = endpoint; o.Protocol = OtlpExportProtocol.Grpc; })
            .Build();

        // Act: three values in three buckets inside the activity, one outside any (which the filter leaves out).
        string traceId;
        string spanId;
        using (var activity = source.StartActivity("checkout", ActivityKind.Server))
        {
            Assert.NotNull(activity);
            histogram.Record(5);
            histogram.Record(20);
            histogram.Record(70);
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
        }

        histogram.Record(30);
        Assert.True(tracing.ForceFlush(30_000));
        Assert.True(metrics.ForceFlush(30_000));

        // Assert: the exemplars read back through the store's query, each naming the activity's span...
        var found = await ((IExemplarReader)store).QueryExemplarsAsync(new ExemplarQuery
        {
            Name = histogram.Name,
            From = DateTimeOffset.UtcNow.AddHours(-1),
            To = DateTimeOffset.UtcNow.AddHours(1),
        }).DefaultTimeout();
        Assert.Equal([5.0, 20.0, 70.0], found.Exemplars.Select(e => e.Exemplar.Value).Order());
        Assert.All(found.Exemplars, e => Assert.Equal((traceId, spanId), (e.Exemplar.TraceId, e.Exemplar.SpanId)));

        // ...which is the span the same store holds for that trace (a second source: the trace write, not the metric's).
        var span = Assert.Single(await store.GetTraceAsync(traceId).DefaultTimeout());
        Assert.Equal(spanId, span.SpanId);
        Assert.Equal("checkout", span.Name);

        // On PostgreSQL, the table itself holds them in the point's row.
        if (database is not null)
        {
            var rows = await database.ColumnAsync<string>("SELECT exemplars FROM metric_points WHERE exemplars IS NOT NULL");
            Assert.Contains(spanId, Assert.Single(rows), StringComparison.Ordinal);
        }
    }
}
