using Vigil.Storage;

namespace Vigil.Server.Probes;

/// <summary>
/// The hosted service of <c>vigil serve</c> that runs the configured probes, each on its own schedule, and
/// stops them all when the server stops. Results go straight to the store, not through the ingest queue: they
/// are a handful of rows a minute that must not be refused when OTLP senders fill the queue, nor counted as
/// received OTLP records.
/// </summary>
internal sealed class ProbeService : BackgroundService
{
    /// <summary>The <c>service.name</c> probe results carry.</summary>
    public const string ServiceName = "vigil-serve";

    private readonly IReadOnlyList<ProbeRunner> _runners;
    private readonly ILeaderElection _leader;

    public ProbeService(IReadOnlyList<ProbeDefinition> probes, ITelemetryWriter store, TimeProvider time, ILogger<ProbeService> logger, ILeaderElection? leader = null)
    {
        // Several servers on one database probe once between them: only the leader runs the probes.
        _leader = leader ?? AlwaysLeader.Instance;
        _runners = [.. probes.Select(p => new ProbeRunner(p, Create(p, time), store, time, logger, ServiceName))];
    }

    /// <summary>Makes the attempt of a probe's kind.</summary>
    internal static IProbe Create(ProbeDefinition definition, TimeProvider time) => definition.Kind switch
    {
        ProbeKind.Http => new HttpProbe(definition, time),
        ProbeKind.Tcp => new TcpProbe(definition),
        ProbeKind.Command => new CommandProbe(definition),
        _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, "Unknown probe kind."),
    };

    public override void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }

        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _leader.RunWhileLeadingAsync(
            leading => Task.WhenAll(_runners.Select(r => Task.Run(() => r.RunAsync(leading), CancellationToken.None))),
            stoppingToken);
}
