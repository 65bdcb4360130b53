using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Vigil.Tests.Support;

namespace Vigil.Tests.Pipeline;

public sealed class LogPipelineTests
{
    [Fact]
    public void Log_StructuredProperties_ReachSinkAsAttributesWithRenderedMessage()
    {
        using var vigil = TestVigil.Start();
        var logger = vigil.Sdk.CreateLogger("Orders");

        logger.LogInformation("Order {OrderId} paid {Amount}", 42, 9.5);
        vigil.Stop();

        var log = Assert.Single(vigil.LogExporter.Logs);
        Assert.Equal("Orders", log.Category);
        Assert.Equal("Order 42 paid 9.5", log.Message);
        Assert.Equal(42, log.Attributes["OrderId"]);
        Assert.Equal("Order {OrderId} paid {Amount}", log.Attributes["{OriginalFormat}"]);
    }

    [Fact]
    public void Log_InsideSpan_CarriesTraceAndSpanIds()
    {
        using var source = new ActivitySource("Tests.LogInsideSpan");
        using var vigil = TestVigil.Start(o => o.Tracing.Sources.Add(source.Name));
        var logger = vigil.Sdk.CreateLogger("Orders");

        ActivityTraceId traceId;
        ActivitySpanId spanId;
        using (var activity = source.StartActivity("checkout"))
        {
            Assert.NotNull(activity);
            traceId = activity.TraceId;
            spanId = activity.SpanId;
            logger.LogWarning("inside");
        }

        logger.LogWarning("outside");
        vigil.Stop();

        var inside = vigil.LogExporter.Logs.Single(l => l.Message == "inside");
        var outside = vigil.LogExporter.Logs.Single(l => l.Message == "outside");
        Assert.Equal(traceId, inside.TraceId);
        Assert.Equal(spanId, inside.SpanId);
        Assert.Equal(default, outside.TraceId);
    }

    [Fact]
    public void Log_InsideScopes_ScopeValuesBecomeAttributesAndRecordWinsOnConflict()
    {
        using var vigil = TestVigil.Start();
        var logger = vigil.Sdk.CreateLogger("Orders");

        using (logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = "acme", ["OrderId"] = 1 }))
        using (logger.BeginScope("Batch {BatchNumber}", 7))
        using (logger.BeginScope("plain text scope"))
        {
            logger.LogInformation("Processing {OrderId}", 2);
        }

        vigil.Stop();

        var log = Assert.Single(vigil.LogExporter.Logs);
        Assert.Equal("acme", log.Attributes["TenantId"]);
        Assert.Equal(7, log.Attributes["BatchNumber"]);
        Assert.Equal("plain text scope", log.Attributes["scope"]);
        Assert.Equal(2, log.Attributes["OrderId"]);
    }

    [Fact]
    public void Log_PerCategoryMinimumLevels_LongestPrefixWins()
    {
        using var vigil = TestVigil.Start(o =>
        {
            o.Logging.MinimumLevel["Default"] = LogLevel.Warning;
            o.Logging.MinimumLevel["Orders"] = LogLevel.Debug;
            o.Logging.MinimumLevel["Orders.Noisy"] = LogLevel.Error;
        });

        vigil.Sdk.CreateLogger("Payments").LogInformation("payments info");
        vigil.Sdk.CreateLogger("Payments").LogWarning("payments warning");
        vigil.Sdk.CreateLogger("Orders.Api").LogDebug("orders debug");
        vigil.Sdk.CreateLogger("Orders.Noisy").LogWarning("noisy warning");
        vigil.Sdk.CreateLogger("Orders.Noisy").LogError("noisy error");
        vigil.Stop();

        Assert.Equal(
            ["noisy error", "orders debug", "payments warning"],
            vigil.LogExporter.Logs.Select(l => l.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Log_WithException_ExceptionReachesSink()
    {
        using var vigil = TestVigil.Start();
        var failure = new InvalidOperationException("boom", new TimeoutException("inner"));

        vigil.Sdk.CreateLogger("Orders").LogError(failure, "Failed {Step}", "charge");
        vigil.Stop();

        Assert.Same(failure, Assert.Single(vigil.LogExporter.Logs).Exception);
    }
}
