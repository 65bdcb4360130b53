using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Server.Api;

namespace Vigil.Cli.Commands.Alerts;

/// <summary><c>vigil alerts silences</c>: pending and active silences, newest first; <c>--all</c> adds expired ones.</summary>
internal sealed class SilencesCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly Option<bool> _all = new("--all") { Description = "Also list expired silences." };

    /// <summary>Creates the command.</summary>
    public SilencesCommand(CliContext context)
        : base("silences", "List pending and active silences, newest first.")
    {
        _context = context;
        _store.AddTo(this);
        _format.AddTo(this);
        Options.Add(_all);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil alerts silences",
        "vigil alerts silences --all --json           # expired ones too, as GET /api/silences",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var now = _context.Clock.GetUtcNow();
        await using var store = _store.Open(parseResult, _context);
        var silences = await store.QuerySilencesAsync(now, parseResult.GetValue(_all), cancellationToken).ConfigureAwait(false);
        if (_format.IsJson(parseResult))
        {
            ContractJson.WriteLines(_context.Data, silences.Select(s => s.ToApi(now)));
            return ExitCodes.Success;
        }

        if (silences.Count == 0)
        {
            await _context.Stderr.WriteLineAsync(parseResult.GetValue(_all) ? "No silences." : "No pending or active silences (try --all).").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        SilenceTable.Write(_context, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, silences, now);
        return ExitCodes.Success;
    }
}
