using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Logs.V1;
using OtlpLogRecord = Vigil.Server.Otlp.Proto.Logs.V1.LogRecord;
using OtlpResource = Vigil.Server.Otlp.Proto.Resource.V1.Resource;
using Vigil.Server.Tests.Support;
using Vigil.Testing.PostgreSql;

namespace Vigil.Server.Tests.Hosting;

/// <summary>
/// Two real <c>vigil serve</c> processes on one PostgreSQL database: ingest on one is queried and tailed on the
/// other, and when the leader is killed the other takes over the alerting with each notification sent exactly once.
/// The webhook receiver and the database's own tables are the second sources. Waits are bounded; none is a speed
/// threshold.
/// </summary>
public sealed class TwoServersOnePostgreSqlTests : IAsyncLifetime
{
    private readonly List<ServeProcess> _servers = [];
    private PostgreSqlTestDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgreSqlTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

        await _database!.DisposeAsync();
    }

    [Fact]
    public async Task TwoServers_IngestOnOne_QueriedAndTailedOnTheOtherWithTheSameAnswers()
    {
        var writer = await StartAsync();
        var reader = await StartAsync();
        using var client = new HttpClient { Timeout = TaskTimeouts.Default };
        using var tail = await client.GetAsync(new Uri(reader.Query!, "/api/logs/tail"), HttpCompletionOption.ResponseHeadersRead).DefaultTimeout();
        var tailed = ReadTail(await tail.Content.ReadAsStreamAsync().DefaultTimeout());

        // The OpenTelemetry SDK's own OTLP/HTTP exporter, to the writer only; disposing flushes.
        using (var loggers = OtlpExporterLoggers.Create(writer.OtlpHttp, "shop"))
        {
            var logger = loggers.CreateLogger("Shop.Checkout");
            for (var i = 0; i < 3; i++)
            {
                logger.LogWarning("order {Order} is slow", 2000 + i);
            }
        }

        var fromWriter = await client.GetStringAsync(new Uri(writer.Query!, "/api/logs?since=1h&service=shop")).DefaultTimeout();
        var fromReader = await client.GetStringAsync(new Uri(reader.Query!, "/api/logs?since=1h&service=shop")).DefaultTimeout();
        await Eventually.TrueAsync(() => Count(tailed) >= 3, "the reader's live tail shows the writer's records");

        // The SDK exports the message template as the body; the order numbers are attributes, compared within Items.
        Assert.Equal(["order {Order} is slow", "order {Order} is slow", "order {Order} is slow"], Bodies(fromWriter));
        Assert.Equal(3, Items(fromWriter).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Items(fromWriter), Items(fromReader));
        Assert.Equal(Bodies(fromWriter), Snapshot(tailed));
        Assert.Equal(3, await ScalarAsync("SELECT count(*) FROM logs"));
    }

    [Fact]
    public async Task LeaderKilled_TheOtherTakesOverAndEachNotificationIsSentExactlyOnce()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var directory = new TempDirectory();
        var config = directory.Combine("vigil.server.json");
        await File.WriteAllTextAsync(config, Configuration(receiver.Url));
        var first = await StartAsync("--config", config);
        await Eventually.TrueAsync(() => first.Lines.Any(l => l.Contains(" leads", StringComparison.Ordinal)), "the first server says it leads");
        var second = await StartAsync("--config", config);
        using var client = new HttpClient { Timeout = TaskTimeouts.Default };
        Assert.Contains("vigil_leader{instance=\"first\"} 1", await client.GetStringAsync(new Uri(first.Query!, "/metrics")).DefaultTimeout(), StringComparison.Ordinal);
        Assert.Contains("vigil_leader{instance=\"second\"} 0", await client.GetStringAsync(new Uri(second.Query!, "/metrics")).DefaultTimeout(), StringComparison.Ordinal);

        // Errors ingested on the follower; the leader evaluates them and notifies, and records its attempt.
        await SendErrorsAsync(client, second, "first-service");
        await Eventually.TrueAsync(() => Alerts(receiver, "FirstErrors") == 1, "the leader's notification of FirstErrors");
        await Eventually.TrueAsync(async () => await ScalarAsync("SELECT count(*) FROM notification_attempts") >= 1, "the leader recorded its attempt");

        // Killed while its rule engine evaluates every second: no goodbye, the database ends its session.
        first.Process.Kill(entireProcessTree: true);
        await first.Process.WaitForExitAsync().DefaultTimeout();
        await Eventually.TrueAsync(() => second.Lines.Any(l => l.Contains("second leads", StringComparison.Ordinal)), "the second server takes over");
        Assert.Contains("vigil_leader{instance=\"second\"} 1", await client.GetStringAsync(new Uri(second.Query!, "/metrics")).DefaultTimeout(), StringComparison.Ordinal);

        // A new alert after the hand-over is sent by the new leader; the old one is not sent again.
        await SendErrorsAsync(client, second, "second-service");
        await Eventually.TrueAsync(() => Alerts(receiver, "SecondErrors") == 1, "the new leader's notification of SecondErrors");
        await Eventually.TrueAsync(async () => await ScalarAsync("SELECT count(*) FROM notification_attempts") >= 2, "the new leader recorded its attempt");

        Assert.Equal(1, Alerts(receiver, "FirstErrors"));
        Assert.Equal(1, Alerts(receiver, "SecondErrors"));
        Assert.Equal(2, receiver.Payloads.Count);
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM notification_attempts"));
    }

    private static string Configuration(Uri hook) => $$"""
        {
          "Alerts": {
            "DefaultRules": false,
            "Rules": [
              { "Name": "FirstErrors", "Kind": "log", "Interval": "1s", "Severity": "high",
                "Log": { "Service": "first-service", "Level": "error", "Window": "1h", "Threshold": 1 } },
              { "Name": "SecondErrors", "Kind": "log", "Interval": "1s", "Severity": "high",
                "Log": { "Service": "second-service", "Level": "error", "Window": "1h", "Threshold": 1 } }
            ],
            "Channels": [ { "Name": "team", "Kind": "webhook", "Webhook": { "Url": "{{hook}}" } } ],
            "Route": { "Channels": "team", "GroupWait": "1s", "GroupInterval": "1s", "RepeatInterval": "1h" }
          }
        }
        """;

    private static async Task SendErrorsAsync(HttpClient client, ServeProcess server, string service)
    {
        var now = (ulong)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        var request = new ExportLogsServiceRequest
        {
            ResourceLogs =
            {
                new ResourceLogs
                {
                    Resource = new OtlpResource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } } } },
                    ScopeLogs =
                    {
                        new ScopeLogs
                        {
                            LogRecords =
                            {
                                Enumerable.Range(0, 3).Select(i => new OtlpLogRecord
                                {
                                    TimeUnixNano = now,
                                    SeverityNumber = SeverityNumber.Error,
                                    SeverityText = "Error",
                                    Body = new AnyValue { StringValue = $"{service} failed {i}" },
                                }),
                            },
                        },
                    },
                },
            },
        };
        using var response = await client.PostAsync(new Uri(server.OtlpHttp, "/v1/logs"), OtlpHttp.Protobuf(request)).DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static int Alerts(RecordingReceiver receiver, string name) => receiver.Payloads.Count(p =>
        p.RootElement.GetProperty("status").GetString() == "firing"
        && p.RootElement.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("labels").GetProperty("alertname").GetString() == name));

    private async Task<ServeProcess> StartAsync(params string[] arguments)
    {
        var cluster = PostgreSqlTestCluster.Shared;
        var url = $"postgres://{PostgreSqlTestCluster.User}@127.0.0.1:{cluster.Port}/{_database!.Name}";
        var instance = _servers.Count == 0 ? "first" : "second";

        // The password from the environment, as a deployment would pass it; never on the command line.
        var server = await ServeProcess.StartAsync(
            new Dictionary<string, string?> { ["PGPASSWORD"] = cluster.Password },
            ["--store", url, "--instance", instance, .. arguments]);
        _servers.Add(server);
        return server;
    }

    private Task<long> ScalarAsync(string sql) => _database!.ScalarAsync<long>(sql);

    private static List<string> ReadTail(Stream stream)
    {
        var bodies = new List<string>();
        _ = Task.Run(async () =>
        {
            using var lines = new StreamReader(stream);
            while (await lines.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("data: {", StringComparison.Ordinal))
                {
                    var page = Bodies(line["data: ".Length..]);
                    lock (bodies)
                    {
                        bodies.AddRange(page);
                    }
                }
            }
        });
        return bodies;
    }

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    private static List<string> Bodies(string page)
    {
        using var json = JsonDocument.Parse(page);
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("body").GetString()!)];
    }

    private static List<string> Items(string page)
    {
        using var json = JsonDocument.Parse(page);
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetRawText())];
    }
}
