using System.Net;
using Vigil.Alerting.Configuration;
using Vigil.Server.Disk;
using Vigil.Server.Probes;
using Vigil.Server.Usage;
using Vigil.Storage;
using Vigil.Storage.Configuration;

namespace Vigil.Server.Hosting;

/// <summary>How <c>vigil serve</c> listens, stores and limits what it receives.</summary>
public sealed class VigilServerOptions
{
    /// <summary>The OTLP/gRPC port the OpenTelemetry specification names.</summary>
    public const int DefaultGrpcPort = 4317;

    /// <summary>The OTLP/HTTP port the OpenTelemetry specification names.</summary>
    public const int DefaultOtlpHttpPort = 4318;

    /// <summary>The query API port.</summary>
    public const int DefaultQueryPort = 4320;

    /// <summary>The default limit on one request body, compressed or decompressed: 16 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 16L * 1024 * 1024;

    /// <summary>The default number of records that may wait to be committed before senders are told to back off.</summary>
    public const long DefaultMaxQueuedRecords = 200_000;

    /// <summary>The default upper bound of records written in one store transaction.</summary>
    public const int DefaultMaxRecordsPerCommit = 20_000;

    /// <summary>The default of <see cref="MaxClockSkew"/>.</summary>
    public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The default memory that export requests in flight may hold together, from reading their body to committing
    /// their records: 512 MiB, room for one request at the body limit (estimated at
    /// 24 bytes in memory per byte received, see docs/server.md) beside many small ones.
    /// </summary>
    public const long DefaultMaxIngestMemoryBytes = 512L * 1024 * 1024;

    /// <summary>The default time a request waits for room in the ingest memory before it is refused: 5 s (OTLP exporters give up after 10 s).</summary>
    public static readonly TimeSpan DefaultIngestMemoryWait = TimeSpan.FromSeconds(5);

    /// <summary>The address every listener binds to. Default: 127.0.0.1 (this machine only).</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>The OTLP/gRPC port (HTTP/2 cleartext); 0 picks a free port.</summary>
    public int GrpcPort { get; set; } = DefaultGrpcPort;

    /// <summary>The OTLP/HTTP port; 0 picks a free port.</summary>
    public int OtlpHttpPort { get; set; } = DefaultOtlpHttpPort;

    /// <summary>The query API port; 0 picks a free port.</summary>
    public int QueryPort { get; set; } = DefaultQueryPort;

    /// <summary>The store file (required).</summary>
    public string StorePath { get; set; } = string.Empty;

    /// <summary>When set, OTLP and query requests must carry it (<c>Authorization: Bearer</c> or <c>x-api-key</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The public key a Sentry DSN must carry to send events to this server (letters and digits, at most 64); null
    /// derives a stable one (see docs/dialects.md). <c>vigil serve</c> prints the DSN.
    /// </summary>
    public string? SentryPublicKey { get; set; }

    /// <summary>The largest request body accepted, counted before and after decompression.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Records accepted but not yet committed, at most.</summary>
    public long MaxQueuedRecords { get; set; } = DefaultMaxQueuedRecords;

    /// <summary>
    /// The memory export requests in flight may hold together, estimated from their size before they are read. A request
    /// that does not fit waits up to <see cref="IngestMemoryWait"/>, then gets 503 with Retry-After (gRPC: UNAVAILABLE).
    /// One request larger than this still runs, alone.
    /// </summary>
    public long MaxIngestMemoryBytes { get; set; } = DefaultMaxIngestMemoryBytes;

    /// <summary>How long a request waits for room in <see cref="MaxIngestMemoryBytes"/> before it is refused.</summary>
    public TimeSpan IngestMemoryWait { get; set; } = DefaultIngestMemoryWait;

    /// <summary>Records written in one store transaction, at most.</summary>
    public int MaxRecordsPerCommit { get; set; } = DefaultMaxRecordsPerCommit;

    /// <summary>
    /// How far in the future of the server's clock a record's timestamp may be. Later ones are moved to the time the
    /// server received them and marked <c>vigil.clock_skew</c>, so that a sender's wrong clock (or a timestamp of 2262)
    /// does not keep a record on top as "newest" for years.
    /// </summary>
    public TimeSpan MaxClockSkew { get; set; } = DefaultMaxClockSkew;

    /// <summary>The synthetic probes to run (usually from the configuration file, see <see cref="Configuration.ServerConfigurationLoader"/>).</summary>
    public IReadOnlyList<ProbeDefinition> Probes { get; set; } = [];

    /// <summary>Alert rules, SLOs and where notifications go (the configuration file's <c>Alerts</c> section; see docs/alerts.md).</summary>
    public AlertingSection Alerts { get; set; } = new();

    /// <summary>
    /// The configuration file <see cref="Alerts"/> came from, if any: the rule engine re-reads it (and the rule files,
    /// relative to it) when it changes and on <c>POST /api/alerts/reload</c>.
    /// </summary>
    public string? ConfigurationFile { get; set; }

    /// <summary>
    /// How the store groups the exceptions it receives: severity and grouping rules, in-app prefixes, minimum log
    /// severity, spikes (usually the configuration file's <c>Errors</c> section).
    /// </summary>
    public ErrorTrackingOptions ErrorTracking { get; set; } = ErrorTrackingOptions.Default;

    /// <summary>
    /// How long one query of the query API may run in the store before it is stopped and answered 503 (the
    /// configuration file's <c>QueryTimeout</c>; default <see cref="TelemetryStoreOptions.DefaultQueryTimeout"/>).
    /// </summary>
    public TimeSpan QueryTimeout { get; set; } = TelemetryStoreOptions.DefaultQueryTimeout;

    /// <summary>Whether the MCP write tools on <c>/mcp</c> act (acknowledge, silence, error status); off by default.</summary>
    public bool McpAllowWrites { get; set; }

    /// <summary>
    /// A query-only instance (<c>vigil serve --read-only</c>): the OTLP, Sentry and InfluxDB receivers refuse with 403,
    /// and this instance never leads (no alert evaluation, notification or probes), whatever the store's election says.
    /// </summary>
    public bool ReadOnly { get; set; }

    /// <summary>What retention the leader applies to the store; null: none (the configuration file's <c>Retention</c>).</summary>
    public RetentionOptions? Retention { get; set; }

    /// <summary>How often the leader applies <see cref="Retention"/>.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The floor and retention this server runs with, as its status reports them.</summary>
    internal StoreStatusSettings StatusSettings => new(ConfigurationFile, DiskGuard, Retention, RetentionInterval);

    /// <summary>The free-space floor of the store's disk (the configuration file's <c>DiskGuard</c>); SQLite stores only.</summary>
    public DiskGuardOptions DiskGuard { get; set; } = new();

    /// <summary>This instance's name among the servers on one store, as <c>/metrics</c>' <c>vigil_leader</c> shows it; the host and process id by default.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>The bind address as an IP address (<c>localhost</c> means the IPv4 loopback).</summary>
    /// <exception cref="ArgumentException">The address is neither an IP address nor <c>localhost</c>.</exception>
    public IPAddress BindAddress() =>
        Bind.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(Bind, out var address) ? address
        : throw new ArgumentException($"--bind '{Bind}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::).");

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate() => Validate(requireStorePath: true);

    /// <summary>Every problem; <paramref name="requireStorePath"/> is false when the caller brings its own store.</summary>
    internal IReadOnlyList<string> Validate(bool requireStorePath) =>
        [.. Problems(requireStorePath).Select(p => p.Message), .. ProbeValidation.Validate(Probes).Select(p => p.ToString())];

    /// <summary>The problems of the options themselves, each under the option's name; the messages name the command-line flag.</summary>
    internal List<ConfigurationProblem> Problems(bool requireStorePath)
    {
        var errors = new List<ConfigurationProblem>();
        void Add(string option, string message) => errors.Add(new ConfigurationProblem(option, message));
        if (requireStorePath && string.IsNullOrWhiteSpace(StorePath))
        {
            Add(nameof(StorePath), "A store path is required.");
        }

        if (!IPAddress.TryParse(Bind, out _) && !Bind.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            Add(nameof(Bind), $"--bind '{Bind}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::).");
        }

        foreach (var (option, name, port) in new[] { (nameof(GrpcPort), "--grpc-port", GrpcPort), (nameof(OtlpHttpPort), "--otlp-port", OtlpHttpPort), (nameof(QueryPort), "--port", QueryPort) })
        {
            if (port is < 0 or > IPEndPoint.MaxPort)
            {
                Add(option, $"{name} {port} is not a port (0-65535; 0 picks a free one).");
            }
        }

        var fixedPorts = new[] { GrpcPort, OtlpHttpPort, QueryPort }.Where(p => p != 0).ToList();
        if (fixedPorts.Count != fixedPorts.Distinct().Count())
        {
            Add(nameof(QueryPort), "The gRPC, OTLP/HTTP and query ports must differ.");
        }

        if (SentryPublicKey is not null && !Sentry.SentryPublicKey.IsValid(SentryPublicKey))
        {
            Add(nameof(SentryPublicKey), $"The Sentry public key must be 1 to {Sentry.SentryPublicKey.MaxLength} letters and digits.");
        }

        if (MaxRequestBodyBytes < 1)
        {
            Add(nameof(MaxRequestBodyBytes), "The request body limit must be at least 1 byte.");
        }

        if (MaxIngestMemoryBytes < 1)
        {
            Add(nameof(MaxIngestMemoryBytes), "The ingest memory limit must be at least 1 byte.");
        }

        if (IngestMemoryWait < TimeSpan.Zero)
        {
            Add(nameof(IngestMemoryWait), "The ingest memory wait must not be negative.");
        }

        if (MaxQueuedRecords < 1 || MaxRecordsPerCommit < 1)
        {
            Add(nameof(MaxQueuedRecords), "The queue limits must be at least 1 record.");
        }

        if (DiskGuard.Interval <= TimeSpan.Zero || DiskGuard.MinFreeBytes < 0 || DiskGuard.MinFreePercent is < 0 or > 100)
        {
            Add(nameof(DiskGuard), "The disk guard needs a positive interval, a floor of at least 0 bytes and a percentage from 0 to 100.");
        }

        if (QueryTimeout <= TimeSpan.Zero)
        {
            Add(nameof(QueryTimeout), "The query timeout must be positive.");
        }

        if (MaxClockSkew < TimeSpan.Zero)
        {
            Add(nameof(MaxClockSkew), "The clock skew allowed must not be negative.");
        }

        return errors;
    }

    /// <summary>True when the listeners can be reached from other machines.</summary>
    public bool IsExposed()
    {
        var address = BindAddress();
        return !IPAddress.IsLoopback(address);
    }
}
