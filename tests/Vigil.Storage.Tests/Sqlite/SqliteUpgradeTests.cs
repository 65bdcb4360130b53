using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Vigil.Model;
using Vigil.Model.Json;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>
/// An upgrade keeps every record: a file as schema 7 or 8 left it (<see cref="LegacyStore"/>), holding records of every
/// kind (<see cref="EveryKind"/>), opened by today's writer, reads back each record as written and answers every
/// query as a store written today with the same records does. Only queries are compared, never tables, so the test
/// holds for any layout a later migration moves the rows to.
/// </summary>
public sealed class SqliteUpgradeTests : IDisposable
{
    private static readonly TelemetryStoreOptions s_options = TelemetryStoreOptions.Writer with
    {
        Clock = new FakeTimeProvider(EveryKind.Now),
        // The old file's error groups are its own rows; the fresh store must not make groups from the same logs.
        ErrorTracking = new() { Enabled = false },
    };

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Open_FileAtOldSchemaWithEveryKindOfRecord_ReadsEveryRecordBackAsWritten(int version)
    {
        // Arrange
        var path = _directory.Combine($"v{version}.db");
        await LegacyStore.CreateAsync(path, version, EveryKind.Batch, EveryKind.Errors);

        // Act
        await using var store = SqliteTelemetryStore.Open(path, s_options);

        // Assert: logs oldest first, and each trace's spans by start time, exactly as written.
        var logs = await store.QueryLogsAsync(new LogQuery { Limit = 1000 });
        Assert.Equal(Json(EveryKind.Batch.Logs), Json(logs.Select(l => l with { Sequence = 0 })));
        Assert.Equal(logs.Count, logs.Select(l => l.Sequence).Distinct().Count());
        foreach (var trace in EveryKind.Batch.Spans.GroupBy(s => s.TraceId))
        {
            Assert.Equal(Json(trace.OrderBy(s => s.StartTime)), Json(await store.GetTraceAsync(trace.Key)));
        }

        var groups = await store.QueryErrorGroupsAsync(new ErrorGroupQuery());
        Assert.Equal(Json(EveryKind.Errors.Select(e => e.Group with { StackTrace = null }).OrderByDescending(g => g.LastSeen)), Json(groups));
        foreach (var error in EveryKind.Errors)
        {
            var detail = await store.GetErrorGroupAsync(error.Group.Id, hours: 1, latestEvents: 10);
            Assert.Equal(Json(error.Group), Json(detail!.Group));
            Assert.Equal(Json(error.Events.OrderByDescending(e => e.Timestamp)), Json(detail.LatestEvents));
            Assert.Equal(error.Events.Count, Assert.Single(detail.HourlyCounts).Count);
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Open_FileAtOldSchemaWithEveryKindOfRecord_AnswersEveryQueryAsAStoreWrittenToday(int version)
    {
        // Arrange: the same records, once in an old file and once through today's writer.
        var path = _directory.Combine($"v{version}.db");
        await LegacyStore.CreateAsync(path, version, EveryKind.Batch, EveryKind.Errors);
        await using var today = SqliteTelemetryStore.Open(_directory.Combine("today.db"), s_options);
        await today.WriteAsync(EveryKind.Batch);

        // Act
        await using var upgraded = SqliteTelemetryStore.Open(path, s_options);

        // Assert
        await AssertSameAnswersAsync(today, upgraded);

        // And the upgraded file goes on as one: new records of the same series, resources and traces join the old ones.
        var more = More();
        await today.WriteAsync(more);
        await upgraded.WriteAsync(more);
        await AssertSameAnswersAsync(today, upgraded);
    }

    /// <summary>Every kind of query, with every filter that picks among <see cref="EveryKind"/>'s records.</summary>
    private static async Task AssertSameAnswersAsync(ITelemetryStore expected, ITelemetryStore actual)
    {
        LogQuery[] logQueries =
        [
            new() { Limit = 1000 },
            new() { Text = "declined" },
            new() { Text = "order 7" },
            new() { TraceId = EveryKind.TraceId.ToUpperInvariant() },
            new() { Attributes = [new("text", "acme")] },
            new() { Attributes = [new("order.id", "7")] },
            new() { ServiceName = "billing" },
            new() { MinimumSeverity = 17 },
            new() { From = EveryKind.Start.AddMinutes(2), To = EveryKind.Start.AddMinutes(3) },
            new() { AfterSequence = 1 },
        ];
        foreach (var query in logQueries)
        {
            var answer = await expected.QueryLogsAsync(query);
            Assert.NotEmpty(answer);
            Assert.Equal(Json(answer), Json(await actual.QueryLogsAsync(query)));
        }

        TraceQuery[] traceQueries = [new(), new() { ErrorsOnly = true }, new() { ServiceName = "billing" }, new() { MinDuration = TimeSpan.FromMilliseconds(50) }];
        foreach (var query in traceQueries)
        {
            var answer = await expected.QueryTracesAsync(query);
            Assert.NotEmpty(answer);
            Assert.Equal(Json(answer), Json(await actual.QueryTracesAsync(query)));
        }

        foreach (var traceId in EveryKind.Batch.Spans.Select(s => s.TraceId).Distinct())
        {
            Assert.Equal(Json(await expected.GetTraceAsync(traceId)), Json(await actual.GetTraceAsync(traceId)));
            Assert.Equal(await expected.FindTraceIdsAsync(traceId[..20], 5), await actual.FindTraceIdsAsync(traceId[..20], 5));
        }

        var metrics = await expected.ListMetricsAsync();
        Assert.Equal(EveryKind.Batch.MetricPoints.Select(p => p.Series.Name).Distinct().Count(), metrics.Count);
        Assert.Equal(Json(metrics), Json(await actual.ListMetricsAsync()));
        foreach (var metric in metrics)
        {
            foreach (var groupBy in new IReadOnlyList<string>?[] { null, [] })
            {
                var query = new MetricQuery { Name = metric.Name, From = EveryKind.Start, To = EveryKind.Now, Step = TimeSpan.FromMinutes(1), GroupBy = groupBy };
                var answer = await expected.QueryMetricAsync(query);
                Assert.NotEmpty(answer.Series);
                Assert.Equal(Json(answer), Json(await actual.QueryMetricAsync(query)));
            }
        }

        foreach (var query in new HealthQuery[] { new(), new() { Kind = HealthSourceKind.Probe } })
        {
            var answer = await expected.QueryHealthAsync(query);
            Assert.NotEmpty(answer);
            Assert.Equal(Json(answer), Json(await actual.QueryHealthAsync(query)));
        }
    }

    /// <summary>A record of each kind after the upgrade that belongs with an old one: same resource, scope, trace, series and check.</summary>
    private static TelemetryBatch More()
    {
        var batch = EveryKind.Batch;
        return new TelemetryBatch
        {
            Logs = [batch.Logs[0] with { Timestamp = EveryKind.Start.AddMinutes(20), Body = "payment declined again" }],
            Spans = [batch.Spans[1] with { SpanId = Some.SpanId(4), StartTime = EveryKind.Start.AddMinutes(20), EndTime = EveryKind.Start.AddMinutes(21) }],
            MetricPoints = [.. batch.MetricPoints.Select(p => p with { Timestamp = p.Timestamp.AddMinutes(20) })],
            HealthResults = [batch.HealthResults[1] with { Timestamp = EveryKind.Start.AddMinutes(20), Status = HealthStatus.Healthy, Observed = HealthStatus.Healthy }],
        };
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, TelemetryJson.Options);
}
