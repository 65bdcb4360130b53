using System.CommandLine;
using Vigil.Cli.Commands.Alerts;
using Vigil.Cli.Commands.Budgets;
using Vigil.Cli.Commands.Builds;
using Vigil.Cli.Commands.Demo;
using Vigil.Cli.Commands.Errors;
using Vigil.Cli.Commands.Exec;
using Vigil.Cli.Commands.Health;
using Vigil.Cli.Commands.Logs;
using Vigil.Cli.Commands.Mcp;
using Vigil.Cli.Commands.Metrics;
using Vigil.Cli.Commands.Push;
using Vigil.Cli.Commands.Serve;
using Vigil.Cli.Commands.Slo;
using Vigil.Cli.Commands.Status;
using Vigil.Cli.Commands.Traces;

namespace Vigil.Cli.Commands;

/// <summary>Every top-level command, in the order <c>vigil --help</c> lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>Creates the commands for one run.</summary>
    public static IReadOnlyList<Command> Create(CliContext context) =>
    [
        new LogsCommand(context),
        new TracesCommand(context),
        new MetricsCommand(context),
        new ErrorsCommand(context),
        new HealthCommand(context),
        new AlertsCommand(context),
        new SloCommand(context),
        new ServeCommand(context),
        new McpCommand(context),
        new DemoCommand(context),
        new ExecCommand(context),
        new BudgetsCommand(context),
        new PushCommand(context),
        new StatusCommand(context),
        new BuildsCommand(context),
    ];
}
