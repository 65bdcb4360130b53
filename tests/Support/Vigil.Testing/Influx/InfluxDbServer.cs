using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Vigil.Testing.Influx;

/// <summary>
/// A real InfluxDB 1.x server (Debian's <c>influxd</c>, installed by scripts/prerequisites.sh) for one test class:
/// a temporary config, data and WAL directory, HTTP and RPC on free loopback ports, authentication on with one admin
/// user and one database. Queried back over its own <c>/query</c> HTTP API.
/// </summary>
public sealed class InfluxDbServer : IAsyncDisposable
{
    public const string User = "vigil";
    public const string Password = "s3cret pass,word";
    public const string Database = "vigil_test";

    private readonly TempDirectory _directory;
    private readonly ServerProcess _process;
    private readonly HttpClient _http;

    private InfluxDbServer(TempDirectory directory, ServerProcess process, Uri endpoint)
    {
        _directory = directory;
        _process = process;
        Endpoint = endpoint;
        _http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The HTTP API's base address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Endpoint { get; }

    public static async Task<InfluxDbServer> StartAsync()
    {
        const string Influxd = "/usr/bin/influxd";
        if (!File.Exists(Influxd))
        {
            // A clear failure, never a silent skip.
            throw new InvalidOperationException("influxd was not found: install Debian's influxdb package with `bash scripts/prerequisites.sh`.");
        }

        var directory = new TempDirectory();
        var httpPort = LoopbackPorts.Free();
        var rpcPort = LoopbackPorts.Free();
        directory.Write("influxdb.conf", $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"
            [meta]
              dir = "{directory.Path}/meta"
            [data]
              dir = "{directory.Path}/data"
              wal-dir = "{directory.Path}/wal"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [subscriber]
              enabled = false
            [http]
              bind-address = "127.0.0.1:{httpPort}"
              auth-enabled = true
              log-enabled = false
              pprof-enabled = false
            """);
        var process = ServerProcess.Start(Influxd, ["run", "-config", directory.Combine("influxdb.conf")], directory.Path);
        var server = new InfluxDbServer(directory, process, new Uri($"http://127.0.0.1:{httpPort}"));
        try
        {
            await process.WaitUntilReadyAsync(server._http, "/ping", r => r.StatusCode == HttpStatusCode.NoContent).ConfigureAwait(false);

            // With authentication on and no user yet, InfluxDB takes exactly this one statement without credentials.
            (await server.QueryAsync($"CREATE USER {User} WITH PASSWORD '{Password}' WITH ALL PRIVILEGES", authenticate: false).ConfigureAwait(false)).Dispose();
            await server.CreateDatabaseAsync(Database).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates a database of the test's own, so what it counts is what it wrote.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        (await QueryAsync($"CREATE DATABASE \"{name}\"").ConfigureAwait(false)).Dispose();
        return name;
    }

    /// <summary>Runs an InfluxQL statement on <paramref name="database"/> (else <see cref="Database"/>); times in nanoseconds since 1970.</summary>
    public async Task<JsonDocument> QueryAsync(string influxQl, string? database = null, bool authenticate = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/query?epoch=ns&db=" + Uri.EscapeDataString(database ?? Database), UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("q", influxQl)]),
        };
        if (authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        }

        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"influxd refused '{influxQl}': {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body);
    }

    /// <summary>The rows of a query's first result: each series' tags and its values by column name.</summary>
    public async Task<IReadOnlyList<InfluxRow>> RowsAsync(string influxQl, string? database = null)
    {
        using var document = await QueryAsync(influxQl, database).ConfigureAwait(false);
        var rows = new List<InfluxRow>();
        var result = document.RootElement.GetProperty("results")[0];
        if (!result.TryGetProperty("series", out var series))
        {
            return rows;
        }

        foreach (var s in series.EnumerateArray())
        {
            var tags = s.TryGetProperty("tags", out var t)
                ? t.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
            foreach (var values in s.GetProperty("values").EnumerateArray())
            {
                var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                var i = 0;
                foreach (var value in values.EnumerateArray())
                {
                    row[columns[i++]] = value.Clone();
                }

                rows.Add(new InfluxRow(s.TryGetProperty("name", out var name) ? name.GetString()! : string.Empty, tags, row));
            }
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync().ConfigureAwait(false);
        _directory.Dispose();
    }
}

/// <summary>One row of an InfluxQL answer: the measurement, the series' tags and the values by column.</summary>
public sealed record InfluxRow(string Measurement, IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, JsonElement> Values);
