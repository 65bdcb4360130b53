using System.CommandLine;
using Microsoft.Extensions.Logging;
using Vigil.Cli.Commands.Serve;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Parsing;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Commands.Demo;

/// <summary>
/// <c>vigil demo</c>: starts the server on a store and feeds it a small web shop's telemetry through
/// the real Vigil SDK and OTLP exporter, so every reading command has something to show.
/// </summary>
internal sealed class DemoCommand : Command, IHaveExamples
{
    /// <summary>The service name the demo's telemetry carries.</summary>
    public const string ServiceName = "vigil-demo-shop";

    /// <summary>Requests a second when <c>--rate</c> is absent.</summary>
    public const int DefaultRate = 4;

    /// <summary>The most requests a second <c>--rate</c> accepts; more would only measure this machine.</summary>
    public const int MaxRate = 1000;

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly ServerPortOptions _ports = new();
    private readonly ServerConfigOption _config = new();
    private readonly Option<TimeSpan?> _duration = ParsedOption.Single<TimeSpan>(
        "--duration", "Stop by itself after this long, e.g. 30s or 5m (default: run until Ctrl-C).", "DURATION", DurationParser.TryParse);

    private readonly Option<int?> _rate = ParsedOption.Single<int>(
        "--rate", $"Checkout requests a second (default: {DefaultRate}, at most {MaxRate}).", "N", PositiveIntegerParser.TryParse);

    /// <summary>Creates the command.</summary>
    public DemoCommand(CliContext context)
        : base("demo", "Run the server with a built-in web shop that sends logs, traces, metrics and health checks through the Vigil SDK.")
    {
        _context = context;
        _store.AddPathTo(this);
        _ports.AddTo(this);
        _config.AddTo(this);
        Options.Add(_duration);
        Options.Add(_rate);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil demo                                   # until Ctrl-C, on .vigil/vigil.db and ports 4317, 4318, 4320",
        "vigil demo --duration 30s --rate 20",
        "vigil demo --grpc-port 0 --otlp-port 0 --port 0   # free ports, beside a running vigil serve",
        "vigil demo --store /tmp/demo.db --duration 1m",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var rate = parseResult.GetValue(_rate) ?? DefaultRate;
        if (rate > MaxRate)
        {
            throw new CliUsageException($"--rate: '{rate}' is too high (at most {MaxRate} a second)");
        }

        var duration = parseResult.GetValue(_duration);
        var options = new VigilServerOptions { StorePath = _store.Resolve(parseResult, _context) };
        _ports.ApplyTo(parseResult, options);

        // The same configuration file as vigil serve (probes, error tracking, alert rules and notifications).
        _ = _config.ApplyTo(parseResult, _context, options);

        await using var server = await ServerLifetime.StartAsync(options, cancellationToken).ConfigureAwait(false);
        var output = _context.Data;
        await output.WriteLineAsync($"vigil demo {VersionAction.InformationalVersion}").ConfigureAwait(false);
        await ServerLifetime.WriteListenersAsync(output, server, options).ConfigureAwait(false);
        await DemoGuide.WriteAsync(output, _context.CommandName, server, rate, duration).ConfigureAwait(false);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } limit)
        {
            stop.CancelAfter(limit);
        }

        var sent = await RunShopAsync(server, options, rate, stop.Token).ConfigureAwait(false);
        await _context.Stderr.WriteLineAsync($"vigil demo: {sent} {(sent == 1 ? "request" : "requests")} sent; the SDK has flushed.").ConfigureAwait(false);
        await ServerLifetime.DrainAsync(server, _context.Stderr, "demo").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> RunShopAsync(VigilServerApplication server, VigilServerOptions options, int rate, CancellationToken stopToken)
    {
        using var telemetry = new DemoShopTelemetry();
        var endpoint = new Uri($"http://{ServerLifetime.Host(options)}:{server.Port(VigilServerListener.OtlpGrpc)}");

        // Disposing the SDK flushes every exporter, so all the shop did reaches the server before it drains.
        // The SDK also reads vigil.json and OTEL_* variables, as in any application; everything the demo
        // depends on is set here, so a project's own settings cannot hide records or send them elsewhere.
        var sdk = VigilSdk.Start(o =>
        {
            o.Service.Name = ServiceName;
            o.Otlp.Enabled = true;
            o.Otlp.Endpoint = endpoint;
            o.Otlp.Protocol = OtlpProtocol.Grpc;
            o.Otlp.Headers = null;
            o.Store.Enabled = false;
            o.Console.Enabled = false;
            o.File.Enabled = false;
            o.Tracing.Enabled = true;
            o.Tracing.Sampler = SamplerKind.ParentBasedAlwaysOn;
            o.Metrics.Enabled = true;
            o.Logging.MinimumLevel.Clear();
            o.Logging.MinimumLevel[LoggingOptions.DefaultCategory] = LogLevel.Trace;

            // Metrics every two seconds rather than ten, so `vigil metrics` moves while someone watches.
            o.Metrics.ExportIntervalMilliseconds = 2_000;
            o.Tracing.Sources.Add(DemoShopTelemetry.Name);

            // The demo's server runs in this process: tracing ASP.NET Core would record every export the shop
            // sends it as a new span to export, and its http.server.request.duration would mix with the shop's.
            o.Instrumentation.AspNetCore = false;
            o.Instrumentation.HttpClient = false;
            o.Metrics.Meters.Add(DemoShopTelemetry.Name);

            // Health checks from the first second and every five, so `vigil health` has them at once.
            o.Health.Enabled = true;
            o.Health.DelaySeconds = 1;
            o.Health.PeriodSeconds = 5;
        }, services => DemoHealthChecks.Add(services, telemetry));
        await using (sdk.ConfigureAwait(false))
        {
            var shop = new DemoShop(telemetry, sdk.CreateLogger("Vigil.Demo.Shop.Checkout"), sdk.Operations);
            return await DemoWorkload.RunAsync(shop, rate, stopToken).ConfigureAwait(false);
        }
    }
}
