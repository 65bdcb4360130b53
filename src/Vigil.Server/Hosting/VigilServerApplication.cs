using System.Text;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Vigil.Alerting;
using Vigil.Alerting.Notifications;
using Vigil.Mcp;
using Vigil.Server.Api;
using Vigil.Server.Api.Alertmanager;
using Vigil.Server.Dashboard;
using Vigil.Server.Disk;
using Vigil.Server.Influx;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp;
using Vigil.Server.Otlp.Grpc;
using Vigil.Server.Otlp.Http;
using Vigil.Server.Probes;
using Vigil.Server.Sentry;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Server.Hosting;

/// <summary>
/// The composition root of <c>vigil serve</c>: the store, the ingest pipeline, the OTLP receivers
/// and the query port on Kestrel. <c>vigil serve</c> runs it; tests construct it.
/// </summary>
public sealed class VigilServerApplication : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly VigilListeners _listeners;
    private readonly ITelemetryStore _store;
    private readonly bool _ownsStore;
    private int _stopped;

    private VigilServerApplication(WebApplication app, VigilListeners listeners, ITelemetryStore store, bool ownsStore)
    {
        _app = app;
        SentryPublicKey = app.Services.GetRequiredService<SentryReceiver>().PublicKey;
        _listeners = listeners;
        _store = store;
        _ownsStore = ownsStore;
    }

    /// <summary>The options the server runs with.</summary>
    public VigilServerOptions Options => _app.Services.GetRequiredService<IOptions<VigilServerOptions>>().Value;

    /// <summary>The server's services (the store, the ingest figures).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The public key of the Sentry DSN the OTLP/HTTP port takes: <c>http://KEY@HOST:PORT/PROJECT</c>.</summary>
    public string SentryPublicKey { get; }

    /// <summary>The store file the server writes.</summary>
    public string StoreLocation => _store.Location;

    /// <summary>Builds the server; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Listeners, store and limits.</param>
    /// <returns>The server, not yet started.</returns>
    /// <exception cref="ArgumentException">The options are not usable; the message lists every problem.</exception>
    public static VigilServerApplication Create(VigilServerOptions options) => Create(options, store: null);

    /// <summary>Builds the server over a given store (tests use a slow or failing one); the caller keeps ownership of it.</summary>
    /// <param name="options">Listeners, store and limits.</param>
    /// <param name="store">The store to write, or null to open <see cref="VigilServerOptions.StorePath"/>.</param>
    /// <param name="logs">Also receives the server's log (tests read it).</param>
    /// <param name="diskSpace">Where the disk guard reads free space; null: the file system of the store's folder.</param>
    internal static VigilServerApplication Create(VigilServerOptions options, ITelemetryStore? store, ILoggerProvider? logs = null, IDiskSpace? diskSpace = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A store given by the caller needs no store path.
        var errors = options.Validate(requireStorePath: store is null);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        var ownsStore = store is null;
        store ??= StoreOpener.Open(options.StorePath, TelemetryStoreOptions.Writer with { ErrorTracking = options.ErrorTracking, QueryTimeout = options.QueryTimeout });
        var listeners = new VigilListeners();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });

        // Data goes to stdout; the server's own diagnostics go to stderr, warnings and up.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);

        // The hosting layer logs only request starts and ends (Information), which the server never shows; while any of
        // its levels is enabled it also builds a log scope and a trace identifier for every request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = options.BindAddress();

            // The receiver enforces the limit itself (compressed and decompressed); this is the outer bound.
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;

            // No "Server: Kestrel" on every answer: it tells a caller nothing it needs and costs a header per request.
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.GrpcPort, l =>
            {
                l.Protocols = HttpProtocols.Http2;
                listeners.Add(VigilServerListener.OtlpGrpc, l);
            });
            kestrel.Listen(address, options.OtlpHttpPort, l =>
            {
                l.Protocols = HttpProtocols.Http1AndHttp2;
                listeners.Add(VigilServerListener.OtlpHttp, l);
            });
            kestrel.Listen(address, options.QueryPort, l =>
            {
                l.Protocols = HttpProtocols.Http1AndHttp2;
                listeners.Add(VigilServerListener.Query, l);
            });
        });

        builder.Services.AddSingleton<IHostLifetime, ExternalHostLifetime>();
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        builder.Services.AddSingleton(listeners);
        builder.Services.AddVigilStore(store);
        if (options.ReadOnly)
        {
            // Registered last, so the rule engine, the notifier and the probes find it instead of the store's election.
            builder.Services.AddSingleton<ILeaderElection>(NeverLeader.Instance);
        }

        builder.Services.AddSingleton<IngestStatistics>();
        builder.Services.AddSingleton<IIngestStatistics>(sp => sp.GetRequiredService<IngestStatistics>());
        builder.Services.AddSingleton(sp => new IngestQueue(
            sp.GetRequiredService<ITelemetryWriter>(),
            sp.GetRequiredService<IngestStatistics>(),
            sp.GetRequiredService<ILogger<IngestQueue>>(),
            options.MaxQueuedRecords, options.MaxRecordsPerCommit));
        builder.Services.AddSingleton(sp => new IngestMemoryBudget(
            options.MaxIngestMemoryBytes, options.MaxRequestBodyBytes, options.IngestMemoryWait, sp.GetRequiredService<IngestStatistics>()));
        AddDiskGuard(builder.Services, options, store, diskSpace);
        builder.Services.AddSingleton(sp => new OtlpIngestService(
            sp.GetRequiredService<IngestQueue>(),
            sp.GetRequiredService<IngestStatistics>(),
            new FutureTimestamps(TimeProvider.System, options.MaxClockSkew),
            sp.GetService<DiskGuard>()));
        builder.Services.AddSingleton<OtlpRefusals>();
        builder.Services.AddSingleton(new SentryReceiver(options.SentryPublicKey ?? Sentry.SentryPublicKey.Derive(store.Location, options.ApiKey), options.ErrorTracking.Fingerprint));
        builder.Services.AddSingleton<SentryStatistics>();
        builder.Services.AddSingleton(new InfluxReceiver(options.MaxRequestBodyBytes, options.ApiKey));
        builder.Services.AddSingleton<IServiceMethodProvider<OtlpGrpcTraceService>, OtlpGrpcMethods>();
        builder.Services.AddSingleton<IServiceMethodProvider<OtlpGrpcLogsService>, OtlpGrpcMethods>();
        builder.Services.AddSingleton<IServiceMethodProvider<OtlpGrpcMetricsService>, OtlpGrpcMethods>();
        builder.Services.Configure<QueryApiOptions>(query => query.ApiKey = options.ApiKey);
        builder.Services.AddHostedService<IngestWriterService>();
        builder.Services.AddHostedService<LeadershipLog>();
        builder.Services.AddHostedService<RetentionService>();
        builder.Services.AddSingleton<Api.Alertmanager.ReceivedAlertExpiry>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Api.Alertmanager.ReceivedAlertExpiry>());
        builder.Services.AddSingleton(new Prometheus.ServerInstance(options.InstanceId));
        builder.Services.AddVigilProbes(options.Probes);
        builder.Services.AddSingleton(AlertRuleSources.For(options));

        builder.Services.AddSingleton<IAlertLinkAddress>(new AlertLinkAddress(listeners, options));
        builder.Services.AddVigilAlerting(options.Alerts);
        builder.Services.AddVigilMcpServer(new VigilMcpOptions { AllowWrites = options.McpAllowWrites, Transport = "http" })
            // Sessions, not the stateless default: a session keeps the client's name, which the audit of each write records.
            .WithHttpTransport(http => http.Stateless = false);
        builder.Services.AddGrpc(grpc =>
        {
            // The one request limit of OTLP/HTTP, on both sides of decompression. Grpc.AspNetCore checks this one
            // against the message as sent; the gzip provider bounds the inflated message. Only gzip is offered (the
            // OTLP specification names no other): the built-in deflate provider would inflate without a bound.
            grpc.MaxReceiveMessageSize = (int)Math.Min(options.MaxRequestBodyBytes, int.MaxValue);
            grpc.CompressionProviders.Clear();
            grpc.CompressionProviders.Add(new OtlpGrpcGzipProvider(options.MaxRequestBodyBytes));

            // Otherwise gRPC maps a catch-all "{service}/{method}" route that also takes two-segment paths of the
            // query port (PUT /api/logs got 404, not 405). An unknown service still fails: HTTP 404, which gRPC
            // clients read as UNIMPLEMENTED.
            grpc.IgnoreUnknownServices = true;
        });

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<ListenerRoutingMiddleware>();
        app.UseWhen(context => listeners.Identify(context) == VigilServerListener.OtlpGrpc, grpc => grpc.UseMiddleware<OtlpGrpcRefusalMiddleware>());
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            app.UseMiddleware<ApiKeyMiddleware>(Encoding.UTF8.GetBytes(options.ApiKey));
        }

        app.UseMiddleware<QueryNotFoundMiddleware>();
        if (options.ReadOnly)
        {
            app.UseMiddleware<ReadOnlyIngestMiddleware>();
        }

        app.UseMiddleware<IngestMemoryMiddleware>();

        app.MapGrpcService<OtlpGrpcTraceService>().WithMetadata(new ListenerMetadata(VigilServerListener.OtlpGrpc));
        app.MapGrpcService<OtlpGrpcLogsService>().WithMetadata(new ListenerMetadata(VigilServerListener.OtlpGrpc));
        app.MapGrpcService<OtlpGrpcMetricsService>().WithMetadata(new ListenerMetadata(VigilServerListener.OtlpGrpc));
        app.MapGroup(string.Empty).WithMetadata(new ListenerMetadata(VigilServerListener.OtlpHttp)).MapOtlpHttp(options.MaxRequestBodyBytes).MapSentry().MapInflux();
        MapQueryEndpoints(app.MapGroup(string.Empty).WithMetadata(new ListenerMetadata(VigilServerListener.Query)));
        return new VigilServerApplication(app, listeners, store, ownsStore);
    }

    /// <summary>The port a listener is bound to: the chosen one when 0 was asked. Valid after <see cref="StartAsync"/>.</summary>
    /// <param name="listener">Which listener.</param>
    /// <returns>The TCP port.</returns>
    public int Port(VigilServerListener listener) => _listeners.Port(listener);

    /// <summary>Binds the listeners and starts the ingest writer.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the server is listening.</returns>
    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <summary>
    /// Stops listening, lets requests in flight finish, and stores everything that was accepted
    /// before returning: what was acknowledged is durable.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for requests in flight (the store drain still completes).</param>
    /// <returns>A task that completes when everything accepted is stored.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server if it runs, then releases it and the store it opened.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_ownsStore)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Where the MCP server answers on the query port.</summary>
    internal const string McpPath = "/mcp";

    /// <summary>
    /// The free-space floor, for a SQLite store that this instance writes: a PostgreSQL store's disk is the database
    /// server's, which this process cannot see, and a read-only instance stores nothing. The store's status
    /// (<c>/api/status</c>, its figures on <c>/metrics</c>) is measured on the same disk, for any store file.
    /// </summary>
    private static void AddDiskGuard(IServiceCollection services, VigilServerOptions options, ITelemetryStore store, IDiskSpace? diskSpace)
    {
        if (StorePaths.IsDatabase(store.Location) || store is not IStoreUsageReader usage)
        {
            return;
        }

        var disk = diskSpace ?? DriveDiskSpace.Of(store.Location);
        services.AddSingleton(sp => new StoreStatusSampler(usage, store, disk, options.StatusSettings, TimeProvider.System));
        services.AddHostedService<StoreStatusService>();
        if (!options.DiskGuard.Enabled || options.ReadOnly)
        {
            return;
        }

        services.AddSingleton(options.DiskGuard);
        services.AddSingleton(sp => new DiskGuard(options.DiskGuard, disk, usage, store, TimeProvider.System, sp.GetRequiredService<ILogger<DiskGuard>>()));
        services.AddHostedService<DiskGuardService>();
    }

    private static void MapQueryEndpoints(IEndpointRouteBuilder query)
    {
        query.MapVigilQueryApi();
        query.MapVigilAlertAcknowledgementLinks();
        query.MapVigilPrometheus();
        query.MapVigilHealth();
        query.MapVigilAlertmanagerReceiver();

        // MCP over streamable HTTP on the query port, behind the same API key (ApiKeyMiddleware runs before it).
        query.MapMcp(McpPath);
        query.MapVigilDashboard();
    }
}
