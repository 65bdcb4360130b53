using System.Diagnostics;
using System.Diagnostics.Metrics;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.Tests.Support;

namespace Vigil.Tests.Metrics;

/// <summary>
/// The SDK turns on OpenTelemetry's trace-based exemplar filter: a histogram recorded inside a span reaches the local
/// store with that span as its exemplar, through the one write pipeline; <c>Metrics:ExemplarFilter</c> turns it off.
/// </summary>
public sealed class ExemplarTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(ExemplarFilterKind.TraceBased, 1)]
    [InlineData(ExemplarFilterKind.AlwaysOff, 0)]
    public async Task Histogram_RecordedInsideASpan_LocalStoreKeepsTheSpanAsExemplar(ExemplarFilterKind filter, int expected)
    {
        // Arrange
        var name = $"Tests.Exemplars.{Guid.NewGuid():N}";
        using var source = new ActivitySource(name);
        using var meter = new Meter(name);
        var histogram = meter.CreateHistogram<double>("tests.checkout.duration", "ms");
        var vigil = TestVigil.Start(o =>
        {
            o.Store.Enabled = null;
            o.Tracing.Sources.Add(name);
            o.Metrics.Meters.Add(name);
            o.Metrics.ExemplarFilter = filter;
        });

        // Act: one value inside a span, one outside any.
        string traceId;
        string spanId;
        using (var activity = source.StartActivity("checkout"))
        {
            Assert.NotNull(activity);
            histogram.Record(42);
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
        }

        histogram.Record(7);
        vigil.Stop();
        await using var store = SqliteTelemetryStore.Open(Path.Combine(vigil.WorkingDirectory, ".vigil", "vigil.db"), TelemetryStoreOptions.Reader);
        var found = await ((IExemplarReader)store).QueryExemplarsAsync(new ExemplarQuery
        {
            Name = histogram.Name,
            From = DateTimeOffset.UtcNow.AddHours(-1),
            To = DateTimeOffset.UtcNow.AddHours(1),
        }).WaitAsync(Timeout);
        var span = Assert.Single(await store.GetTraceAsync(traceId).WaitAsync(Timeout));
        vigil.Dispose();

        // Assert: the value recorded in the span, naming that span (which the store holds); nothing when off. A cumulative
        // series repeats its exemplar in every export until a newer value replaces it, so each point may carry it.
        Assert.Equal(expected, found.Exemplars.Select(e => (e.Exemplar.Value, e.Exemplar.TraceId, e.Exemplar.SpanId)).Distinct().Count());
        Assert.All(found.Exemplars, e => Assert.Equal((42.0, traceId, spanId), (e.Exemplar.Value, e.Exemplar.TraceId, e.Exemplar.SpanId)));
        Assert.Equal(spanId, span.SpanId);
    }
}
