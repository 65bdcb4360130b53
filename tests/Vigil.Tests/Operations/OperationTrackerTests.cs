using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Tests.Support;

namespace Vigil.Tests.Operations;

public sealed class OperationTrackerTests
{
    private static TestVigil StartWithDebugLogs() =>
        TestVigil.Start(o => o.Logging.MinimumLevel["Default"] = LogLevel.Debug);

    private static MetricCollector<double> DurationCollector(TestVigil vigil) =>
        new(vigil.Sdk.Services.GetRequiredService<IMeterFactory>(), OperationTracker.InstrumentationName, OperationTracker.DurationMetricName);

    private static string UniqueName() => $"op_{Guid.NewGuid():N}";

    [Fact]
    public void Track_Success_RecordsSpanDurationAllocationAndDebugLog()
    {
        using var vigil = StartWithDebugLogs();
        using var durations = DurationCollector(vigil);
        using var allocations = new MetricCollector<long>(vigil.Sdk.Services.GetRequiredService<IMeterFactory>(), OperationTracker.InstrumentationName, OperationTracker.AllocatedMetricName);
        var name = UniqueName();

        var result = vigil.Sdk.Operations.Track(name, () => new byte[10_000].Length);
        vigil.Stop();

        Assert.Equal(10_000, result);
        var span = Assert.Single(vigil.Spans, s => s.DisplayName == name);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("success", span.GetTagItem("vigil.operation.outcome"));
        var duration = Assert.Single(durations.GetMeasurementSnapshot(), m => (string?)m.Tags["operation"] == name);
        Assert.Equal("success", duration.Tags["outcome"]);
        Assert.True(duration.Value >= 0);
        var allocated = Assert.Single(allocations.GetMeasurementSnapshot(), m => (string?)m.Tags["operation"] == name);
        Assert.True(allocated.Value >= 10_000, $"allocated {allocated.Value} bytes");
        var log = Assert.Single(vigil.LogExporter.Logs, l => Equals(l.Attributes.GetValueOrDefault("Operation"), name));
        Assert.Equal(LogLevel.Debug, log.Level);
        Assert.Equal(span.TraceId, log.TraceId);
    }

    [Fact]
    public void Track_Failure_LogsErrorMarksSpanAndRethrowsSameException()
    {
        using var vigil = StartWithDebugLogs();
        using var durations = DurationCollector(vigil);
        var name = UniqueName();
        var failure = new InvalidOperationException("disk on fire");

        var thrown = Assert.Throws<InvalidOperationException>(() => vigil.Sdk.Operations.Track(name, () => throw failure));
        vigil.Stop();

        Assert.Same(failure, thrown);
        var span = Assert.Single(vigil.Spans, s => s.DisplayName == name);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("disk on fire", span.StatusDescription);
        Assert.Contains(span.Events, e => e.Name == "exception");
        var log = Assert.Single(vigil.LogExporter.Logs, l => Equals(l.Attributes.GetValueOrDefault("Operation"), name));
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Same(failure, log.Exception);
        Assert.Equal(span.SpanId, log.SpanId);
        Assert.Equal("failure", Assert.Single(durations.GetMeasurementSnapshot(), m => (string?)m.Tags["operation"] == name).Tags["outcome"]);
    }

    [Fact]
    public async Task TrackAsync_Cancelled_RecordsCancelledAndRethrows()
    {
        using var vigil = StartWithDebugLogs();
        using var durations = DurationCollector(vigil);
        var name = UniqueName();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            vigil.Sdk.Operations.TrackAsync(name, ct => Task.Delay(Timeout.Infinite, ct), cancellation.Token));
        vigil.Stop();

        Assert.Equal("cancelled", Assert.Single(durations.GetMeasurementSnapshot(), m => (string?)m.Tags["operation"] == name).Tags["outcome"]);
        var span = Assert.Single(vigil.Spans, s => s.DisplayName == name);
        Assert.NotEqual(ActivityStatusCode.Error, span.Status);
        Assert.Equal(LogLevel.Information, Assert.Single(vigil.LogExporter.Logs, l => Equals(l.Attributes.GetValueOrDefault("Operation"), name)).Level);
    }

    [Fact]
    public async Task TrackAsync_Success_ReturnsResultAndChildSpansNestUnderOperation()
    {
        using var source = new ActivitySource("Tests.Nested");
        using var vigil = TestVigil.Start(o => o.Tracing.Sources.Add(source.Name));
        var name = UniqueName();

        var result = await vigil.Sdk.Operations.TrackAsync(name, async () =>
        {
            await Task.Yield();
            using var child = source.StartActivity("child");
            return 7;
        });
        vigil.Stop();

        Assert.Equal(7, result);
        var operation = Assert.Single(vigil.Spans, s => s.DisplayName == name);
        var child = Assert.Single(vigil.Spans, s => s.Source.Name == source.Name);
        Assert.Equal(operation.SpanId, child.ParentSpanId);
        Assert.Equal(operation.TraceId, child.TraceId);
    }

    [Fact]
    public async Task TrackAsync_Failure_RethrowsAfterAwait()
    {
        using var vigil = TestVigil.Start();
        var name = UniqueName();

        await Assert.ThrowsAsync<TimeoutException>(() => vigil.Sdk.Operations.TrackAsync(name, async () =>
        {
            await Task.Yield();
            throw new TimeoutException("slow dependency");
        }));
        vigil.Stop();

        Assert.Equal(ActivityStatusCode.Error, Assert.Single(vigil.Spans, s => s.DisplayName == name).Status);
    }

    [Fact]
    public void Begin_DisposedWithoutComplete_RecordsAbandonedWarning()
    {
        using var vigil = TestVigil.Start();
        using var durations = DurationCollector(vigil);
        var name = UniqueName();

        using (vigil.Sdk.Operations.Begin(name))
        {
        }

        vigil.Stop();

        Assert.Equal("abandoned", Assert.Single(durations.GetMeasurementSnapshot(), m => (string?)m.Tags["operation"] == name).Tags["outcome"]);
        Assert.Equal(LogLevel.Warning, Assert.Single(vigil.LogExporter.Logs, l => Equals(l.Attributes.GetValueOrDefault("Operation"), name)).Level);
    }

    [Fact]
    public void Begin_CompleteThenDispose_RecordsOnceAsSuccess()
    {
        using var vigil = TestVigil.Start();
        using var durations = DurationCollector(vigil);
        var name = UniqueName();

        using (var operation = vigil.Sdk.Operations.Begin(name))
        {
            operation.SetTag("order.id", 42);
            operation.Complete();
            operation.Fail(new InvalidOperationException("too late"));
        }

        vigil.Stop();

        Assert.Equal("success", Assert.Single(durations.GetMeasurementSnapshot(), m => (string?)m.Tags["operation"] == name).Tags["outcome"]);
        Assert.Equal(42, Assert.Single(vigil.Spans, s => s.DisplayName == name).GetTagItem("order.id"));
    }

    [Fact]
    public void Track_NothingListens_RunsWorkAndPropagatesExceptions()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var tracker = new OperationTracker(NullLoggerFactory.Instance, services.GetRequiredService<IMeterFactory>());
        var ran = 0;

        tracker.Track("quiet", () => ran++);
        using (var scope = tracker.Begin("quiet"))
        {
            scope.Complete();
        }

        Assert.Equal(1, ran);
        Assert.Throws<FormatException>(() => tracker.Track("quiet", () => throw new FormatException()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Track_BlankName_Throws(string name)
    {
        using var vigil = TestVigil.Start();

        Assert.Throws<ArgumentException>(() => vigil.Sdk.Operations.Track(name, () => { }));
    }
}
