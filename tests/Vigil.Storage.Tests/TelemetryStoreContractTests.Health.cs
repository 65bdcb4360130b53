using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task QueryHealthAsync_EmptyStore_ReturnsNothing()
    {
        // Act
        var states = await QueryHealthAsync(new HealthQuery());

        // Assert
        Assert.Empty(states);
    }

    [Fact]
    public async Task WriteAsync_ProbeResults_StateIsLatestResultSinceStatusChanged()
    {
        // Arrange
        var results = new[]
        {
            Probe("api", HealthStatus.Healthy, Some.BaseTime),
            Probe("api", HealthStatus.Healthy, Some.BaseTime.AddSeconds(30)),
            Probe("api", HealthStatus.Unhealthy, Some.BaseTime.AddSeconds(60), observed: HealthStatus.Unhealthy, description: "connection refused"),
            Probe("api", HealthStatus.Unhealthy, Some.BaseTime.AddSeconds(90), observed: HealthStatus.Healthy, duration: TimeSpan.FromMilliseconds(12.5)),
        };

        // Act
        foreach (var result in results)
        {
            await Store.WriteAsync(new TelemetryBatch { HealthResults = [result] });
        }

        // Assert
        var state = Assert.Single(await QueryHealthAsync(new HealthQuery()));
        Assert.Equal(Some.BaseTime.AddSeconds(60), state.Since);
        Assert.Equal(results[^1], state.Latest with { Data = results[^1].Data });
        Assert.Empty(state.Latest.Data);
    }

    [Fact]
    public async Task WriteAsync_SameStatusAgain_KeepsSince()
    {
        // Arrange
        await Store.WriteAsync(new TelemetryBatch { HealthResults = [Probe("db", HealthStatus.Degraded, Some.BaseTime)] });

        // Act
        await Store.WriteAsync(new TelemetryBatch
        {
            HealthResults = [Probe("db", HealthStatus.Degraded, Some.BaseTime.AddMinutes(1)), Probe("db", HealthStatus.Degraded, Some.BaseTime.AddMinutes(2))],
        });

        // Assert
        var state = Assert.Single(await QueryHealthAsync(new HealthQuery()));
        Assert.Equal(Some.BaseTime, state.Since);
        Assert.Equal(Some.BaseTime.AddMinutes(2), state.Latest.Timestamp);
    }

    [Fact]
    public async Task WriteAsync_OlderResultArrivesLate_DoesNotReplaceNewerState()
    {
        // Arrange
        await Store.WriteAsync(new TelemetryBatch { HealthResults = [Probe("db", HealthStatus.Healthy, Some.BaseTime.AddMinutes(5))] });

        // Act
        await Store.WriteAsync(new TelemetryBatch { HealthResults = [Probe("db", HealthStatus.Unhealthy, Some.BaseTime)] });

        // Assert
        var state = Assert.Single(await QueryHealthAsync(new HealthQuery()));
        Assert.Equal(HealthStatus.Healthy, state.Latest.Status);
        Assert.Equal(Some.BaseTime.AddMinutes(5), state.Since);
    }

    [Fact]
    public async Task WriteAsync_HealthCheckLogRecord_IsRecordedAsCheckAndStaysALog()
    {
        // Arrange
        var record = HealthRecord(
            "checkout",
            [
                new(HealthLogRecord.Name, "database"),
                new(HealthLogRecord.Status, "Degraded"),
                new(HealthLogRecord.DurationMilliseconds, 41.5),
                new(HealthLogRecord.Description, "slow replies"),
                new(HealthLogRecord.DataPrefix + "latency_ms", 900L),
                new(HealthLogRecord.DataPrefix + "server", "db-1"),
                new("other", "kept on the log only"),
            ]);

        // Act
        await WriteLogsAsync(record);

        // Assert
        var state = Assert.Single(await QueryHealthAsync(new HealthQuery()));
        Assert.Equal(HealthSourceKind.Check, state.Latest.Kind);
        Assert.Equal("checkout", state.Latest.ServiceName);
        Assert.Equal("database", state.Latest.Name);
        Assert.Equal(HealthStatus.Degraded, state.Latest.Status);
        Assert.Equal(HealthStatus.Degraded, state.Latest.Observed);
        Assert.Equal(TimeSpan.FromMilliseconds(41.5), state.Latest.Duration);
        Assert.Equal("slow replies", state.Latest.Description);
        Assert.Equal(record.Timestamp, state.Latest.Timestamp);
        Assert.Equal(record.Timestamp, state.Since);
        Assert.Equal([new("latency_ms", 900L), new("server", "db-1")], state.Latest.Data);
        Assert.Single(await Store.QueryLogsAsync(new LogQuery()));
    }

    [Fact]
    public async Task WriteAsync_HealthRecordWithoutDescription_UsesBody()
    {
        // Arrange
        var record = HealthRecord("checkout", [new(HealthLogRecord.Name, "cache"), new(HealthLogRecord.Status, "healthy")]) with { Body = "all good" };

        // Act
        await WriteLogsAsync(record);

        // Assert
        var state = Assert.Single(await QueryHealthAsync(new HealthQuery()));
        Assert.Equal("all good", state.Latest.Description);
        Assert.Equal(TimeSpan.Zero, state.Latest.Duration);
    }

    public static TheoryData<string, object?, object?> MalformedHealthRecords => new()
    {
        { "no name", null, "healthy" },
        { "empty name", "", "healthy" },
        { "blank name", "  ", "healthy" },
        { "name not a string", 42L, "healthy" },
        { "no status", "db", null },
        { "unknown status", "db", "fine" },
        { "status not a string", "db", 0L },
        { "empty status", "db", "" },
    };

    [Theory]
    [MemberData(nameof(MalformedHealthRecords))]
    public async Task WriteAsync_MalformedHealthRecord_StaysPlainLogAndIsNoResult(string why, object? name, object? status)
    {
        // Arrange
        var attributes = new List<KeyValuePair<string, object?>>();
        if (name is not null)
        {
            attributes.Add(new(HealthLogRecord.Name, name));
        }

        if (status is not null)
        {
            attributes.Add(new(HealthLogRecord.Status, status));
        }

        // Act
        await WriteLogsAsync(HealthRecord("checkout", attributes) with { Body = why });

        // Assert
        Assert.Empty(await QueryHealthAsync(new HealthQuery()));
        Assert.Equal(why, Assert.Single(await Store.QueryLogsAsync(new LogQuery())).Body);
    }

    [Fact]
    public async Task WriteAsync_HealthAttributesWithoutTheEventName_AreNoResult()
    {
        // Arrange
        var log = Some.Log("looks like one", attributes: [new(HealthLogRecord.Name, "db"), new(HealthLogRecord.Status, "healthy")]);

        // Act
        await WriteLogsAsync(log, log with { EventName = "vigil.health.checks" });

        // Assert
        Assert.Empty(await QueryHealthAsync(new HealthQuery()));
        Assert.Equal(2, (await Store.QueryLogsAsync(new LogQuery())).Count);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-5.0)]
    [InlineData(1e300)]
    [InlineData("12")]
    public async Task WriteAsync_HostileDuration_IsStoredAsZero(object duration)
    {
        // Arrange
        var record = HealthRecord("checkout", [new(HealthLogRecord.Name, "db"), new(HealthLogRecord.Status, "healthy"), new(HealthLogRecord.DurationMilliseconds, duration)]);

        // Act
        await WriteLogsAsync(record);

        // Assert
        Assert.Equal(TimeSpan.Zero, Assert.Single(await QueryHealthAsync(new HealthQuery())).Latest.Duration);
    }

    [Fact]
    public async Task QueryHealthAsync_Filters_ReturnOnlyMatchingOrderedByKindServiceName()
    {
        // Arrange
        await WriteLogsAsync(
            HealthRecord("web", [new(HealthLogRecord.Name, "queue"), new(HealthLogRecord.Status, "healthy")]),
            HealthRecord("checkout", [new(HealthLogRecord.Name, "redis"), new(HealthLogRecord.Status, "healthy")]),
            HealthRecord("checkout", [new(HealthLogRecord.Name, "database"), new(HealthLogRecord.Status, "unhealthy")]));
        await Store.WriteAsync(new TelemetryBatch
        {
            HealthResults = [Probe("tcp", HealthStatus.Healthy, Some.BaseTime), Probe("api", HealthStatus.Healthy, Some.BaseTime), Probe("x", HealthStatus.Healthy, Some.BaseTime) with { ServiceName = null }],
        });

        // Act
        var all = await QueryHealthAsync(new HealthQuery());
        var checkout = await QueryHealthAsync(new HealthQuery { ServiceName = "checkout" });
        var probes = await QueryHealthAsync(new HealthQuery { Kind = HealthSourceKind.Probe });
        var none = await QueryHealthAsync(new HealthQuery { ServiceName = "checkout", Kind = HealthSourceKind.Probe });

        // Assert
        Assert.Equal(
            ["Check checkout database", "Check checkout redis", "Check web queue", "Probe  x", "Probe vigil-serve api", "Probe vigil-serve tcp"],
            all.Select(s => $"{s.Latest.Kind} {s.Latest.ServiceName} {s.Latest.Name}"));
        Assert.Null(all[3].Latest.ServiceName);
        Assert.Equal(["database", "redis"], checkout.Select(s => s.Latest.Name));
        Assert.Equal(["x", "api", "tcp"], probes.Select(s => s.Latest.Name));
        Assert.Empty(none);
    }

    [Fact]
    public async Task WriteAsync_CheckAndProbeWithSameName_AreSeparate()
    {
        // Arrange
        var check = HealthRecord("vigil-serve", [new(HealthLogRecord.Name, "api"), new(HealthLogRecord.Status, "unhealthy")]);

        // Act
        await Store.WriteAsync(new TelemetryBatch { Logs = [check], HealthResults = [Probe("api", HealthStatus.Healthy, Some.BaseTime)] });

        // Assert
        var states = await QueryHealthAsync(new HealthQuery());
        Assert.Equal([HealthStatus.Unhealthy, HealthStatus.Healthy], states.Select(s => s.Latest.Status));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task WriteAsync_ProbeResultWithoutName_ThrowsAndWritesNothing(string name)
    {
        // Arrange
        var batch = new TelemetryBatch { Logs = [Some.Log("same batch")], HealthResults = [Probe(name, HealthStatus.Healthy, Some.BaseTime)] };

        // Act
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(batch));

        // Assert
        Assert.Empty(await QueryHealthAsync(new HealthQuery()));
        Assert.Empty(await Store.QueryLogsAsync(new LogQuery()));
    }

    [Fact]
    public async Task WriteAsync_ProbeResultWithUndefinedStatus_Throws()
    {
        // Act + Assert
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(new TelemetryBatch { HealthResults = [Probe("api", (HealthStatus)7, Some.BaseTime)] }));
    }

    [Fact]
    public async Task ApplyRetentionAsync_MaxAge_DeletesOldHealthResultsButNeverTheLatest()
    {
        // Arrange: "quiet" only ran hours ago; "busy" ran hours ago and now (both within the day before they are forgotten).
        var now = Some.BaseTime.AddDays(10);
        Clock.Pinned = now;
        var old = now.AddHours(-3);
        await Store.WriteAsync(new TelemetryBatch
        {
            HealthResults =
            [
                Probe("quiet", HealthStatus.Healthy, old), Probe("quiet", HealthStatus.Healthy, old.AddMinutes(1)), Probe("quiet", HealthStatus.Unhealthy, old.AddMinutes(2)),
                Probe("busy", HealthStatus.Healthy, old), Probe("busy", HealthStatus.Healthy, old.AddMinutes(1)), Probe("busy", HealthStatus.Degraded, now),
            ],
        });

        // Act: chunk size 2 makes the pass take several transactions.
        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromHours(1), ChunkSize = 2 });
        var again = await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromHours(1), ChunkSize = 2 });

        // Assert
        Assert.Equal(4, result.HealthResultsDeleted);
        Assert.Equal(0, again.HealthResultsDeleted);
        var states = await QueryHealthAsync(new HealthQuery());
        Assert.Equal(["busy", "quiet"], states.Select(s => s.Latest.Name));
        Assert.Equal(HealthStatus.Degraded, states[0].Latest.Status);
        Assert.Equal(HealthStatus.Unhealthy, states[1].Latest.Status);
        Assert.Equal(old.AddMinutes(2).UtcTicks, states[1].Since.UtcTicks);
    }

    /// <summary>
    /// The store's health states with its clock pinned an hour after <see cref="Some.BaseTime"/>, where these tests'
    /// results lie (none forgotten), unless the test pinned it itself.
    /// </summary>
    private Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query)
    {
        Clock.Pinned ??= Some.BaseTime.AddHours(1);
        return Store.QueryHealthAsync(query);
    }

    private static HealthResult Probe(
        string name,
        HealthStatus status,
        DateTimeOffset time,
        HealthStatus? observed = null,
        string? description = null,
        TimeSpan? duration = null,
        TimeSpan? interval = null) => new()
        {
            Name = name,
            Kind = HealthSourceKind.Probe,
            ServiceName = "vigil-serve",
            Status = status,
            Observed = observed ?? status,
            Timestamp = time,
            Duration = duration ?? TimeSpan.FromMilliseconds(3),
            Description = description,
            Interval = interval,
        };

    private static LogEntry HealthRecord(string service, IReadOnlyList<KeyValuePair<string, object?>> attributes) =>
        Some.Log("health check", service: service, attributes: attributes) with { EventName = HealthLogRecord.EventName };
}
