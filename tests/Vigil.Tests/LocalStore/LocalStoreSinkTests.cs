using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Vigil.Metrics;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.Tests.Support;

namespace Vigil.Tests.LocalStore;

public sealed class LocalStoreSinkTests
{
    private static async Task<T> ReadStoreAsync<T>(string path, Func<ITelemetryStore, Task<T>> read)
    {
        await using var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        return await read(store);
    }

    [Fact]
    public async Task NoConfiguration_LogsSpansAndMetricsLandInDotVigilUnderWorkingDirectory()
    {
        using var source = new ActivitySource("Tests.Store");
        using var meter = new Meter("Tests.Store");
        var counter = meter.CreateCounter<long>("tests.store.orders", "{order}");
        var vigil = TestVigil.Start(o =>
        {
            o.Store.Enabled = null;
            o.Service.Name = "store-test";
            o.Tracing.Sources.Add(source.Name);
            o.Metrics.Meters.Add(meter.Name);
        });

        string traceId;
        using (var activity = source.StartActivity("checkout"))
        {
            traceId = activity!.TraceId.ToHexString();
            vigil.Sdk.CreateLogger("Shop").LogWarning(new InvalidOperationException("out of stock"), "Order {OrderId} failed", 42);
        }

        counter.Add(5, new KeyValuePair<string, object?>("region", "eu"));
        vigil.Stop();
        var path = Path.Combine(vigil.WorkingDirectory, ".vigil", "vigil.db");

        var logs = await ReadStoreAsync(path, s => s.QueryLogsAsync(new LogQuery()));
        var log = Assert.Single(logs);
        Assert.Equal("Order 42 failed", log.Body);
        Assert.Equal(13, log.SeverityNumber);
        Assert.Equal(traceId, log.TraceId);
        Assert.Equal("Shop", log.Scope.Name);
        Assert.Equal("store-test", log.Resource.ServiceName);
        Assert.Equal("System.InvalidOperationException", log.ExceptionType);
        Assert.Equal("out of stock", log.ExceptionMessage);
        Assert.Contains(log.Attributes, a => a.Key == "OrderId" && Equals(a.Value, 42L));
        Assert.Contains(log.Attributes, a => a.Key == "log.template" && Equals(a.Value, "Order {OrderId} failed"));

        var span = Assert.Single(await ReadStoreAsync(path, s => s.GetTraceAsync(traceId)));
        Assert.Equal("checkout", span.Name);
        Assert.Equal("Tests.Store", span.Scope.Name);
        Assert.Equal("store-test", span.Resource.ServiceName);

        var metrics = await ReadStoreAsync(path, s => s.ListMetricsAsync());
        var orders = Assert.Single(metrics, m => m.Name == "tests.store.orders");
        Assert.Equal(MetricKind.Sum, orders.Kind);
        Assert.Equal(5, orders.LatestValue);
        vigil.Dispose();
    }

    [Fact]
    public async Task HostileNesting_StoredCappedAsEveryWriterCapsIt()
    {
        // 10,000 levels of arrays, built in code: the store's writer used to recurse without a limit.
        object? deep = "leaf";
        for (var i = 0; i < 10_000; i++)
        {
            deep = new object?[] { deep };
        }

        var vigil = TestVigil.Start(o => o.Store.Enabled = null);
        Log.Plain(vigil.Sdk.CreateLogger("Deep"), LogLevel.Information, "deep", new KeyValuePair<string, object?>("deep", deep));
        vigil.Stop();

        var log = Assert.Single(await ReadStoreAsync(Path.Combine(vigil.WorkingDirectory, ".vigil", "vigil.db"), s => s.QueryLogsAsync(new LogQuery())));
        var value = Assert.Single(log.Attributes, a => a.Key == "deep").Value;
        for (var i = 0; i < Model.Json.AttributeValueEncoder.MaxDepth; i++)
        {
            value = Assert.Single(Assert.IsType<object?[]>(value));
        }

        Assert.Equal(Model.Json.AttributeValueEncoder.TooDeep, value);
        vigil.Dispose();
    }

    [Fact]
    public async Task VigilStoreVariable_ChoosesTheFile()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("elsewhere", "team.db");
        var vigil = TestVigil.Start(o => o.Store.Enabled = null, environment: new Dictionary<string, string?> { ["VIGIL_STORE"] = path });

        vigil.Sdk.CreateLogger("Env").LogInformation("stored elsewhere");
        vigil.Stop();

        Assert.Equal("stored elsewhere", Assert.Single(await ReadStoreAsync(path, s => s.QueryLogsAsync(new LogQuery()))).Body);
        vigil.Dispose();
    }

    [Fact]
    public void OtlpConfigured_StoreIsOffUnlessAskedFor()
    {
        var vigil = TestVigil.Start(o =>
        {
            o.Store.Enabled = null;
            o.Otlp.Enabled = true;
            o.Otlp.Endpoint = new Uri("http://127.0.0.1:9");
            o.Otlp.TimeoutMilliseconds = 200;
        });

        vigil.Sdk.CreateLogger("Otlp").LogInformation("not stored");
        vigil.Stop();

        Assert.False(File.Exists(Path.Combine(vigil.WorkingDirectory, ".vigil", "vigil.db")));
        vigil.Dispose();
    }

    [Fact]
    public void StoreUnwritable_AppCarriesOnAndFailedExportsAreCounted()
    {
        var vigil = TestVigil.Start(o =>
        {
            o.Store.Enabled = true;
            o.Store.Path = ".";
        });
        using var failed = new MetricCollector<long>(vigil.Sdk.Services.GetRequiredService<IMeterFactory>(), SdkMetrics.MeterName, "vigil.sdk.export_failed");

        for (var i = 0; i < 10; i++)
        {
            vigil.Sdk.CreateLogger("Broken").LogError("record {Index}", i);
        }

        vigil.Sdk.Flush(TimeSpan.FromSeconds(10));
        failed.RecordObservableInstruments();
        vigil.Stop();

        var storeFailures = Assert.Single(failed.GetMeasurementSnapshot(), m => (string?)m.Tags["sink"] == "store" && (string?)m.Tags["signal"] == "logs");
        Assert.Equal(10, storeFailures.Value);
        Assert.Equal(10, vigil.LogExporter.Logs.Count);
        vigil.Dispose();
    }
}
