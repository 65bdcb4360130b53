using Spectre.Console;
using Vigil.Alerting.Budgets;
using Vigil.Cli.Commands.Budgets;
using Vigil.Cli.Output;
using Vigil.Model.Text;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// <c>vigil exec --budget FILE|NAME</c>: the command's own budgets, checked against its history (this run included)
/// once the run is recorded. FILE is a budget file (any form <c>vigil budgets check --file</c> reads) whose command
/// budgets matching this run are judged; NAME picks the budgets whose <c>command</c> is NAME from the default file.
/// The table goes to stderr, since stdout is the command's.
/// </summary>
internal sealed class ExecBudget
{
    private readonly IReadOnlyList<BudgetDefinition> _budgets;
    private readonly string? _name;

    private ExecBudget(IReadOnlyList<BudgetDefinition> budgets, string? name)
    {
        _budgets = budgets;
        _name = name;
    }

    /// <summary>Reads the budgets before the command runs, so a bad file stops vigil exec (exit 1) and runs nothing.</summary>
    /// <exception cref="CliUsageException">The file is bad, or no budget has the name.</exception>
    public static ExecBudget Load(string value, string directory, bool toOtlp)
    {
        if (toOtlp)
        {
            throw new CliUsageException("--budget: needs the runs' history in a store; with --otlp, check with vigil budgets check --server instead");
        }

        var file = Path.GetFullPath(value, directory);
        var isFile = File.Exists(file) || value.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        try
        {
            if (isFile)
            {
                return new ExecBudget(BudgetFile.Load(file), null);
            }

            var named = BudgetFile.Load(BudgetFile.DefaultPath(directory)).Where(b => b.Kind == BudgetKind.Command && b.Command == value).ToList();
            return named.Count > 0
                ? new ExecBudget(named, value)
                : throw new CliUsageException($"--budget: no command budget named '{value}' in {BudgetFile.DefaultPath(directory)} (give a budget file, or a budget's command)");
        }
        catch (BudgetFileException e)
        {
            throw new CliUsageException($"--budget: {e.Message}");
        }
    }

    /// <summary>Judges the budgets that apply to <paramref name="taskName"/>; returns whether any limit is over.</summary>
    public async Task<bool> CheckAsync(CliContext context, string storePath, string taskName, string service, CancellationToken cancellationToken)
    {
        var applying = _name is null
            ? _budgets.Where(b => b.Kind == BudgetKind.Command && NamePattern.IsMatch(b.Command, taskName)).ToList()
            : [.. _budgets];
        if (applying.Count == 0)
        {
            await context.Stderr.WriteLineAsync($"vigil exec: no budget in the file applies to '{taskName}'").ConfigureAwait(false);
            return false;
        }

        await using var store = context.OpenStore(storePath);
        var runs = await ExecRunHistory.ReadAsync(store, applying, service, cancellationToken).ConfigureAwait(false);
        var checks = BudgetEvaluator.Evaluate(applying, runs);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Stderr), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        BudgetTextOutput.Write(console, Palette.Plain, checks);
        return checks.Any(c => c.Status == BudgetStatus.Over);
    }
}
