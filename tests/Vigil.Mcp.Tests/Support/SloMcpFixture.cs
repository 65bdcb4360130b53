using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.Testing.Slo;

namespace Vigil.Mcp.Tests.Support;

/// <summary>
/// Both transports given a configuration file with two SLOs, over the shared seed plus the server spans of service
/// <c>shop</c> that one of them measures; <see cref="Spans"/> is the second source behind every figure.
/// </summary>
public sealed class SloMcpFixture : McpFixture
{
    public SloSpans Spans { get; } = new(firstTrace: 0x5100);

    protected override bool AllowWrites => false;

    protected override string Configuration => """
        { "Alerts": { "DefaultRules": false, "Slos": [
          { "Name": "checkout", "Service": "shop", "Objective": 99, "Indicator": { "Kind": "spanErrors" } },
          { "Name": "idle", "Service": "nobody", "Objective": 99.5, "Window": "7d", "Indicator": { "Kind": "spanLatency", "SlowerThan": "300ms" } }
        ] } }
        """;

    protected override async Task WriteMoreAsync(string storePath)
    {
        // Well inside each default window (5 m to 30 d), so the seconds between writing and asking move none across
        // an edge: 2 h ago 50 good; 20 min ago 40 good and 2 failed; 2 min ago 8 good and 1 failed.
        var now = DateTimeOffset.UtcNow;
        Spans.Add(now - TimeSpan.FromHours(2), good: 50, failed: 0);
        Spans.Add(now - TimeSpan.FromMinutes(20), good: 40, failed: 2);
        Spans.Add(now - TimeSpan.FromMinutes(2), good: 8, failed: 1);
        await using var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Writer);
        await store.WriteAsync(new TelemetryBatch { Spans = [.. Spans.All] });
    }
}
