using Spectre.Console;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Push;

/// <summary>The terminal's progress bars, one per signal, advanced after each stored batch.</summary>
internal sealed class PushProgress
{
    private readonly ProgressContext _context;
    private readonly Dictionary<PushSignal, ProgressTask> _tasks = [];

    private PushProgress(ProgressContext context) => _context = context;

    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<PushProgress, Task<T>> run) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context => run(new PushProgress(context)));

    public void Start(PushSignal signal, long total)
    {
        // The count is the local store's (logs by whole blocks, so a little over): at least 1, so an empty stream shows done.
        var task = _context.AddTask(PushStreams.Label(signal), maxValue: Math.Max(1, total));
        _tasks[signal] = task;
        if (total == 0)
        {
            task.Value = task.MaxValue;
        }
    }

    public void Advance(PushSignal signal, int records)
    {
        if (_tasks.TryGetValue(signal, out var task))
        {
            task.Increment(records);
        }
    }

    /// <summary>Marks every bar done once the run has finished (the local counts are estimates).</summary>
    public void Finish()
    {
        foreach (var task in _tasks.Values)
        {
            task.Value = task.MaxValue;
        }
    }
}
