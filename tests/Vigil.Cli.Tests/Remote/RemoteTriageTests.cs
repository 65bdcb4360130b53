using System.Text.Json;
using Vigil.Cli.Remote;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Model.Json;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Remote;

/// <summary>
/// Error groups and health through <see cref="HttpTelemetryStore"/> and a running server equal what the SQLite store
/// answers for the same file, field for field, and a status change sent over HTTP lands in the file.
/// </summary>
public sealed class RemoteTriageTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    // Taken when each test's store is written, not once for the class: staleness is judged by the server's clock
    // at query time, and a test that starts minutes after the class was loaded would see every state older.
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    private const string OrderStack =
        "System.InvalidOperationException: order 42 has no lines\n" +
        "   at Shop.Orders.OrderService.PlaceAsync(Order order) in /src/Shop/Orders/OrderService.cs:line 31";

    private const string DatabaseStack =
        "Microsoft.Data.SqlClient.SqlException: Timeout expired\n" +
        "   at Shop.Billing.InvoiceRepository.Load(Int32 id) in /src/Shop/Billing/InvoiceRepository.cs:line 77";

    private readonly TempStore _file = new();
    private LoopbackServer? _server;
    private HttpTelemetryStore? _remote;

    public async Task InitializeAsync()
    {
        await _file.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                Failure("System.InvalidOperationException", "order 42 has no lines", OrderStack, "orders", "1.0.0", minutesAgo: 90, traceId: Some.TraceId),
                Failure("Microsoft.Data.SqlClient.SqlException", "Timeout expired", DatabaseStack, "billing", "7.1", minutesAgo: 5),
                Failure("System.InvalidOperationException", "order 7 has no lines", OrderStack, "orders", "1.1.0", minutesAgo: 1),
                Check("database", "degraded", "orders", minutesAgo: 3),
                Check("database", "healthy", "orders", minutesAgo: 2),
                Check("disk", "unhealthy", "billing", minutesAgo: 1),
            ],
            HealthResults =
            [
                new HealthResult
                {
                    Name = "shop-home",
                    Kind = HealthSourceKind.Probe,
                    ServiceName = "vigil",
                    Status = HealthStatus.Healthy,
                    Observed = HealthStatus.Unhealthy,
                    Timestamp = _now.AddMinutes(-1),
                    Duration = TimeSpan.FromTicks(1_234_567),
                    Description = "one failed attempt of three",
                    // Every 10 s, last heard from a minute ago: stale.
                    Interval = TimeSpan.FromSeconds(10),
                    Data = [new("http.response.status_code", 503L), new("tls.days_left", 12.5), new("redirected", true)],
                },
            ],
        });
        _server = await LoopbackServer.StartAsync(_file.Path);
        _remote = new HttpTelemetryStore(new Uri(_server.Url + "/"), apiKey: null);
    }

    public async Task DisposeAsync()
    {
        if (_remote is not null)
        {
            await _remote.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _file.Dispose();

    public static TheoryData<string> GroupQueries { get; } = ["all", "service", "status", "severity", "since", "until", "limit"];

    [Theory]
    [MemberData(nameof(GroupQueries))]
    public async Task QueryErrorGroupsAsync_RemoteAndFile_SameGroups(string filter)
    {
        var query = filter switch
        {
            "service" => new ErrorGroupQuery { ServiceName = "billing" },
            "status" => new ErrorGroupQuery { Status = ErrorGroupStatus.Unresolved },
            "severity" => new ErrorGroupQuery { MinimumSeverity = ErrorSeverity.High },
            "since" => new ErrorGroupQuery { From = _now.AddMinutes(-3) },
            "until" => new ErrorGroupQuery { To = _now.AddMinutes(-60).AddTicks(7) },
            "limit" => new ErrorGroupQuery { Limit = 1 },
            _ => new ErrorGroupQuery(),
        };

        var (local, remote) = await BothAsync(store => store.QueryErrorGroupsAsync(query));

        Assert.NotEqual("[]", local);
        Assert.Equal(local, remote);
    }

    [Fact]
    public async Task GetErrorGroupAsync_RemoteAndFile_SameDetailAndNullForUnknown()
    {
        var id = await OrdersGroupIdAsync();

        var (local, remote) = await BothAsync(store => store.GetErrorGroupAsync(id, 3, 5));
        var (localBare, remoteBare) = await BothAsync(store => store.GetErrorGroupAsync(id, 0, 0));
        var unknown = await _remote!.GetErrorGroupAsync(id + 1000, 24, 10).WaitAsync(s_timeout);

        Assert.Contains("\"traceId\":\"" + Some.TraceId + "\"", local, StringComparison.Ordinal);
        Assert.Equal(local, remote);
        Assert.Contains("\"hourlyCounts\":[]", localBare, StringComparison.Ordinal);
        Assert.Equal(localBare, remoteBare);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task QueryHealthAsync_RemoteAndFile_SameStatesForEveryFilter()
    {
        HealthQuery[] queries =
        [
            new(),
            new() { Kind = HealthSourceKind.Probe },
            new() { ServiceName = "orders", Kind = HealthSourceKind.Check },
            new() { StaleAfter = TimeSpan.FromSeconds(90) },
            new() { StaleAfter = TimeSpan.FromDays(9999 * 7) },
        ];
        var stale = new List<string>();
        foreach (var query in queries)
        {
            var (local, remote) = await BothAsync(store => store.QueryHealthAsync(query));

            Assert.NotEqual("[]", local);
            Assert.Equal(local, remote);
            stale.Add(string.Join(",", JsonDocument.Parse(local).RootElement.EnumerateArray().Select(s => s.GetProperty("stale").GetBoolean() ? "y" : "n")));
        }

        // billing/disk, orders/database, shop-home: by the rule only the probe with its interval; a 90 s limit replaces
        // the rule, so only the database (2 minutes); a limit longer than states are remembered, none.
        Assert.Equal(["n,n,y", "y", "n", "n,y,n", "n,n,n"], stale);
    }

    [Fact]
    public async Task QueryHealthHistoryAsync_RemoteAndFile_SameHistoriesForEveryFilter()
    {
        HealthHistoryQuery[] queries =
        [
            new(),
            new() { Kind = HealthSourceKind.Probe, PerCheck = 1 },
            new() { ServiceName = "orders", Kind = HealthSourceKind.Check, Name = "database" },
            new() { From = _now.AddMinutes(-90), To = _now.AddMinutes(90) },
        ];
        foreach (var query in queries)
        {
            var (local, remote) = await BothAsync(store => store.QueryHealthHistoryAsync(query));

            Assert.NotEqual("[]", local);
            Assert.Equal(local, remote);
        }
    }

    [Fact]
    public async Task UpdateErrorGroupStatusAsync_OverHttp_VisibleInTheFile()
    {
        var id = await OrdersGroupIdAsync();
        var until = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(6);

        var ignored = await _remote!.UpdateErrorGroupStatusAsync(id, new ErrorStatusChange { Status = ErrorGroupStatus.Ignored, IgnoreForEvents = 3, IgnoreUntil = until }).WaitAsync(s_timeout);
        var (local, remote) = await BothAsync(store => store.GetErrorGroupAsync(id, 1, 0));

        Assert.Equal(ErrorGroupStatus.Ignored, ignored!.Status);
        Assert.Equal(until, ignored.IgnoredUntil);
        Assert.Equal(2 + 3, ignored.IgnoredUntilCount);
        Assert.Contains("\"status\":\"ignored\"", local, StringComparison.Ordinal);
        Assert.Equal(local, remote);
    }

    [Fact]
    public async Task UpdateErrorGroupStatusAsync_UnknownOrInvalid_NullOrChangeRefusedWithServerMessage()
    {
        var id = await OrdersGroupIdAsync();

        var unknown = await _remote!.UpdateErrorGroupStatusAsync(id + 1000, new ErrorStatusChange { Status = ErrorGroupStatus.Resolved }).WaitAsync(s_timeout);
        var invalid = await Assert.ThrowsAsync<ChangeRefusedException>(() => _remote.UpdateErrorGroupStatusAsync(id, new ErrorStatusChange { Status = ErrorGroupStatus.Unresolved, InNextRelease = true }).WaitAsync(s_timeout));

        Assert.Null(unknown);
        Assert.StartsWith("inNextRelease: 'in the next release' only applies to resolve.", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VigilErrorsIgnore_WithServer_ChangesTheFile()
    {
        var id = await OrdersGroupIdAsync();

        var run = await new CliHarness().RunAsync("errors", "ignore", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--for-events", "3", "--server", _server!.Url).WaitAsync(s_timeout);
        var file = SqliteTelemetryStore.Open(_file.Path, TelemetryStoreOptions.Reader);
        await using (file.ConfigureAwait(false))
        {
            var stored = await file.GetErrorGroupAsync(id, 0, 0).WaitAsync(s_timeout);

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(ErrorGroupStatus.Ignored, stored!.Group.Status);
            Assert.Equal(2 + 3, stored.Group.IgnoredUntilCount);
        }
    }

    private async Task<long> OrdersGroupIdAsync() =>
        Assert.Single(await _remote!.QueryErrorGroupsAsync(new ErrorGroupQuery { ServiceName = "orders" }).WaitAsync(s_timeout)).Id;

    /// <summary>Both answers as JSON, so every field (lists included) is compared by value.</summary>
    private async Task<(string Local, string Remote)> BothAsync<T>(Func<IQueryStore, Task<T>> read)
    {
        var file = SqliteTelemetryStore.Open(_file.Path, TelemetryStoreOptions.Reader);
        await using (file.ConfigureAwait(false))
        {
            var local = await read(file).WaitAsync(s_timeout);
            var remote = await read(_remote!).WaitAsync(s_timeout);
            return (JsonSerializer.Serialize(local, TelemetryJson.Options), JsonSerializer.Serialize(remote, TelemetryJson.Options));
        }
    }

    private LogEntry Failure(string type, string message, string stack, string service, string release, int minutesAgo, string? traceId = null) => new()
    {
        Timestamp = _now.AddMinutes(-minutesAgo),
        SeverityNumber = 17,
        Body = message,
        TraceId = traceId,
        SpanId = traceId is null ? null : "00f067aa0ba902b7",
        ExceptionType = type,
        ExceptionMessage = message,
        ExceptionStackTrace = stack,
        Resource = new() { Attributes = [new(TelemetryResource.ServiceNameKey, service), new("service.version", release)] },
    };

    private LogEntry Check(string name, string status, string service, int minutesAgo) => new()
    {
        Timestamp = _now.AddMinutes(-minutesAgo),
        SeverityNumber = 9,
        EventName = HealthLogRecord.EventName,
        Attributes = [new(HealthLogRecord.Name, name), new(HealthLogRecord.Status, status), new(HealthLogRecord.DurationMilliseconds, 3.25), new(HealthLogRecord.DataPrefix + "pool", 4L)],
        Resource = Some.Service(service),
    };
}
