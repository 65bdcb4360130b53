using Microsoft.Extensions.Options;
using Vigil.Storage;

namespace Vigil.Server.Hosting;

/// <summary>
/// Says on stdout when this instance starts and stops leading (alert evaluation, notification, probes), with its
/// instance id, so an operator running several <c>vigil serve</c> on one database sees who leads; /metrics has the
/// same as <c>vigil_leader</c>. A read-only instance never leads and says nothing here.
/// </summary>
internal sealed class LeadershipLog(ILeaderElection election, IOptions<VigilServerOptions> options) : BackgroundService
{
    // A store one server owns (a SQLite file) always leads: nothing to say.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => election is AlwaysLeader or NeverLeader ? Task.CompletedTask : election.RunWhileLeadingAsync(
        async term =>
        {
            var instance = options.Value.InstanceId;
            await Console.Out.WriteLineAsync($"vigil serve: {instance} leads (alert evaluation, notification, probes)").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, term).ConfigureAwait(false);
            }
            finally
            {
                if (!stoppingToken.IsCancellationRequested)
                {
                    await Console.Out.WriteLineAsync($"vigil serve: {instance} no longer leads; it follows").ConfigureAwait(false);
                }
            }
        },
        stoppingToken);
}
