using System.CommandLine;
using Vigil.Alerting.Budgets;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Storage.Builds;

namespace Vigil.Cli.Commands.Budgets;

/// <summary>
/// <c>vigil budgets check</c>: judges each budget of the file against the recorded runs and exits 1 when any limit
/// is over, so a CI step fails. Too few runs to judge is said, in the table and the JSON, never passed in silence.
/// </summary>
internal sealed class CheckBudgetsCommand : Command, IHaveExamples
{
    /// <summary>The exit code when any limit is over.</summary>
    public const int OverBudget = 1;

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly Option<string?> _file = new("--file")
    {
        Description = $"The budget file: a budget file, a vigil.json with a budgets section, or a thresholds.json (default: ./{BudgetFile.DefaultFileName}, else ./vigil.json).",
        HelpName = "FILE",
    };

    private readonly Option<string?> _service = new("--service")
    {
        Description = $"The service.name the runs were recorded under (vigil exec --service; default: {ExecSemantics.DefaultServiceName}).",
        HelpName = "NAME",
    };

    /// <summary>Creates the command.</summary>
    public CheckBudgetsCommand(CliContext context)
        : base("check", "Judge every budget against the recorded runs. Exit code: 0 none over, 1 a limit is over (or bad arguments or file), 2 the store cannot be opened.")
    {
        _context = context;
        _store.AddTo(this);
        _format.AddTo(this);
        Options.Add(_file);
        Options.Add(_service);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        $"vigil budgets check                          # ./{BudgetFile.DefaultFileName} against .vigil/vigil.db",
        "vigil budgets check --file ci/budgets.json --json",
        "vigil budgets check --server http://127.0.0.1:4320",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var path = parseResult.GetValue(_file) is { } file ? Path.GetFullPath(file, _context.CurrentDirectory) : BudgetFile.DefaultPath(_context.CurrentDirectory);
        IReadOnlyList<BudgetDefinition> budgets;
        try
        {
            budgets = BudgetFile.Load(path);
        }
        catch (BudgetFileException e)
        {
            throw new CliUsageException(e.Message);
        }

        var service = parseResult.GetValue(_service) ?? ExecSemantics.DefaultServiceName;
        await using var store = _store.Open(parseResult, _context);
        var runs = await ExecRunHistory.ReadAsync(store, budgets, service, cancellationToken).ConfigureAwait(false);
        var checks = BudgetEvaluator.Evaluate(budgets, runs);
        if (_format.IsJson(parseResult))
        {
            BudgetJsonOutput.Write(_context.Data, checks);
        }
        else
        {
            BudgetTextOutput.Write(_context.Stdout, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, checks);
        }

        return checks.Any(c => c.Status == BudgetStatus.Over) ? OverBudget : ExitCodes.Success;
    }
}
