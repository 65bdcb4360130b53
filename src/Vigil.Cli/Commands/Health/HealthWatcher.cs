using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Health;

/// <summary>Reads health snapshots from the store and writes them, once or every interval until cancelled.</summary>
internal sealed class HealthWatcher
{
    private readonly IQueryStore _store;
    private readonly IHealthOutput _output;
    private readonly CliContext _context;
    private readonly HealthQuery _query;
    private bool _notedEmpty;

    /// <summary>Creates the watcher.</summary>
    public HealthWatcher(IQueryStore store, IHealthOutput output, CliContext context, HealthQuery query)
    {
        _store = store;
        _output = output;
        _context = context;
        _query = query;
    }

    /// <summary>Reads and writes one snapshot; returns its exit code (the overall status).</summary>
    public async Task<int> ShowAsync(bool watching, CancellationToken cancellationToken)
    {
        var states = await _store.QueryHealthAsync(_query, cancellationToken).ConfigureAwait(false);
        var snapshot = new HealthSnapshot(states, _context.Clock.GetUtcNow());
        _output.Write(snapshot, watching);
        if (states.Count == 0 && !_notedEmpty)
        {
            // Nothing recorded is not a failure (exit 0), but a script should be able to tell why.
            _notedEmpty = true;
            await _context.Stderr.WriteLineAsync("No health checks or probes recorded yet (add health checks to an application, or probes to vigil serve).").ConfigureAwait(false);
        }

        return (int)snapshot.Overall;
    }

    /// <summary>Shows a snapshot every <paramref name="interval"/> until cancelled; returns the last snapshot's exit code.</summary>
    public async Task<int> WatchAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        int? last = null;
        try
        {
            while (true)
            {
                last = await ShowAsync(watching: true, cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, _context.Clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && last is not null)
        {
            // Ctrl-C is the normal way to stop watching; the last state decides the exit code.
            return last.Value;
        }
    }
}
