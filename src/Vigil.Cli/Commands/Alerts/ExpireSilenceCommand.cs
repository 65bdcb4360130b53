using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Server.Api;

namespace Vigil.Cli.Commands.Alerts;

/// <summary><c>vigil alerts expire ID</c>: ends a silence now (one not started yet never takes effect).</summary>
internal sealed class ExpireSilenceCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly Argument<long> _id = AlertIdArgument.Create("The silence's id, as `vigil alerts silences` lists it.", "a silence id", "vigil alerts silences");
    private readonly Option<bool> _json = new("--json") { Description = "Write the silence as one JSON object instead of a line of text." };

    /// <summary>Creates the command.</summary>
    public ExpireSilenceCommand(CliContext context)
        : base("expire", "End a silence now, so matching alerts are notified again.")
    {
        _context = context;
        Arguments.Add(_id);
        _store.AddForChangeTo(this);
        Options.Add(_json);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil alerts expire 3",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = parseResult.GetValue(_id);
        var now = _context.Clock.GetUtcNow();
        await using var store = _store.Open(parseResult, _context);
        var silence = await store.ExpireSilenceAsync(id, now, cancellationToken).ConfigureAwait(false);
        if (silence is null)
        {
            await _context.Stderr.WriteLineAsync($"vigil: silence {id} not found in the store (list them with `{_context.Runnable("vigil alerts silences --all")}`)").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }

        if (parseResult.GetValue(_json))
        {
            ContractJson.WriteLines(_context.Data, [silence.ToApi(now)]);
        }
        else
        {
            _context.Stdout.Write(new StyledLine().Append($"Silence {silence.Id} expired: {string.Join(", ", silence.Matchers)}"));
        }

        return ExitCodes.Success;
    }
}
