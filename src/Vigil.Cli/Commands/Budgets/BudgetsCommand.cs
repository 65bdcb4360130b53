using System.CommandLine;
using Vigil.Cli.Help;

namespace Vigil.Cli.Commands.Budgets;

/// <summary><c>vigil budgets</c>: limits on recorded <c>vigil exec</c> runs, checked in CI.</summary>
internal sealed class BudgetsCommand : Command, IHaveExamples
{
    /// <summary>Creates the command and its subcommands.</summary>
    public BudgetsCommand(CliContext context)
        : base("budgets", "Check duration, memory, output size and error-rate budgets against recorded vigil exec runs.")
    {
        Subcommands.Add(new CheckBudgetsCommand(context));
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil budgets check                          # ./vigil.budgets.json over .vigil/vigil.db",
        "vigil budgets check --file ci/budgets.json --json",
    ];
}
