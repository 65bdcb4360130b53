using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Logs;

/// <summary>
/// Polls the store for records after a sequence cursor and writes them as they come, until
/// cancelled. Sequence numbers grow in commit order across writers, so no record is missed
/// or repeated, whatever its timestamp.
/// </summary>
internal sealed class LogFollower
{
    /// <summary>How many records one poll reads at most; a burst is drained over several polls without waiting.</summary>
    public const int PageSize = 500;

    private readonly IQueryStore _store;
    private readonly ILogOutput _output;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _pollInterval;

    /// <summary>Creates a follower.</summary>
    public LogFollower(IQueryStore store, ILogOutput output, TimeProvider clock, TimeSpan pollInterval)
    {
        _store = store;
        _output = output;
        _clock = clock;
        _pollInterval = pollInterval;
    }

    /// <summary>Follows until <paramref name="cancellationToken"/> is cancelled, then returns normally.</summary>
    public async Task RunAsync(LogQuery query, long afterSequence, CancellationToken cancellationToken)
    {
        var page = query with { AfterSequence = afterSequence, Limit = PageSize, To = null };
        try
        {
            while (true)
            {
                var entries = await _store.QueryLogsAsync(page, cancellationToken).ConfigureAwait(false);
                if (entries.Count > 0)
                {
                    _output.Write(entries);
                    page = page with { AfterSequence = entries[^1].Sequence };
                }

                if (entries.Count < PageSize)
                {
                    await Task.Delay(_pollInterval, _clock, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: the normal way to stop following.
        }
    }
}
