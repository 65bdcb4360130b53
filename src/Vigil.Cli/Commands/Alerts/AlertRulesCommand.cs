using System.CommandLine;
using System.Globalization;
using Vigil.Api.Contracts.V1;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>vigil alerts rules</c>: the rules a server runs (the defaults first), each with its state, its instances and
/// its latest evaluation; a failed latest reload is said on stderr, since the rules shown are then the earlier ones.
/// </summary>
internal sealed class AlertRulesCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly AlertRuleServer _server = new();
    private readonly OutputFormatOption _format = new();

    /// <summary>Creates the command.</summary>
    public AlertRulesCommand(CliContext context)
        : base("rules", "List the alert rules a server runs, with their state and latest evaluation.")
    {
        _context = context;
        _server.AddTo(this);
        _format.AddTo(this);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil alerts rules --server http://127.0.0.1:4320",
        "vigil alerts rules --json | jq 'select(.failures > 0)'   # one JSON object per rule, as GET /api/alerts/rules",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var server = _server.Open(parseResult, _context, "vigil alerts rules");
        var answer = await server.GetAlertRulesAsync(cancellationToken).ConfigureAwait(false);
        if (answer.LastReload is { Succeeded: false } failed)
        {
            await _context.Stderr.WriteLineAsync($"vigil: the latest reload ({failed.Trigger}, {failed.At:u}) failed, so these are the rules from before it:").ConfigureAwait(false);
            foreach (var problem in failed.Problems)
            {
                await _context.Stderr.WriteLineAsync("  " + problem).ConfigureAwait(false);
            }
        }

        if (_format.IsJson(parseResult))
        {
            ContractJson.WriteLines(_context.Data, answer.Rules);
            return ExitCodes.Success;
        }

        if (answer.Rules.Count == 0)
        {
            await _context.Stderr.WriteLineAsync("No alert rules (the defaults are off, and none is configured).").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var palette = _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain;
        var now = _context.Clock.GetUtcNow();
        var c = CultureInfo.InvariantCulture;
        var table = new TextTable("NAME", "KIND", "STATE", ">FIRING", ">PENDING", "EVERY", "EVALUATED", ">TOOK", "SOURCE", "ERROR");
        foreach (var rule in answer.Rules)
        {
            table.AddRow(
                (rule.Name, palette.Header),
                (rule.Kind, Spectre.Console.Style.Plain),
                (State(rule.State), rule.State switch { ApiAlertState.Firing => palette.Error, ApiAlertState.Pending => palette.Warning, _ => palette.Dim }),
                (rule.Firing.ToString(c), Spectre.Console.Style.Plain),
                (rule.Pending.ToString(c), Spectre.Console.Style.Plain),
                (DurationFormatter.Format(rule.Interval), palette.Dim),
                (rule.LastEvaluation is { } at ? RelativeTimeFormatter.Relative(at, now) : "never", palette.Dim),
                (rule.LastDuration is { } took ? DurationFormatter.Format(took) : "-", palette.Dim),
                (rule.Source, palette.Dim),
                (rule.LastError ?? string.Empty, palette.Error));
        }

        table.Write(_context.Stdout, palette, _context.StdoutIsTerminal ? _context.Stdout.Profile.Width : null);
        return ExitCodes.Success;
    }

    private static string State(ApiAlertState state) => state switch
    {
        ApiAlertState.Firing => "firing",
        ApiAlertState.Pending => "pending",
        ApiAlertState.Resolved => "resolved",
        _ => "inactive",
    };
}
