using System.CommandLine;
using Vigil.Cli.Help;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>vigil alerts reload</c>: the server re-reads its configuration file and rule files. A reload with any problem
/// keeps the rules in force; the problems are printed and the exit code is 1, so a deploy script stops there.
/// </summary>
internal sealed class AlertReloadCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly AlertRuleServer _server = new();
    private readonly Option<bool> _json = new("--json") { Description = "Write the answer as one JSON object (as POST /api/alerts/reload) instead of text." };

    /// <summary>Creates the command.</summary>
    public AlertReloadCommand(CliContext context)
        : base("reload", "Make a server re-read its alert rules (configuration file and rule files); a bad reload keeps the old rules.")
    {
        _context = context;
        _server.AddTo(this);
        Options.Add(_json);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil alerts reload --server http://127.0.0.1:4320",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var server = _server.Open(parseResult, _context, "vigil alerts reload");
        var reload = await server.ReloadAlertRulesAsync(cancellationToken).ConfigureAwait(false);
        if (parseResult.GetValue(_json))
        {
            ContractJson.WriteLines(_context.Data, [reload]);
        }
        else if (reload.Succeeded)
        {
            await _context.Data.WriteLineAsync($"Reloaded: {reload.Rules} rules in force.").ConfigureAwait(false);
        }

        if (!reload.Succeeded)
        {
            await _context.Stderr.WriteLineAsync($"vigil: the rules were not reloaded; the {reload.Rules} rules in force stay. Fix these and reload again:").ConfigureAwait(false);
            foreach (var problem in reload.Problems)
            {
                await _context.Stderr.WriteLineAsync("  " + problem).ConfigureAwait(false);
            }

            return ExitCodes.UsageError;
        }

        return ExitCodes.Success;
    }
}
