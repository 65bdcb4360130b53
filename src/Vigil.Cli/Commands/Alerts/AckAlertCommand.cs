using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Server.Api;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>vigil alerts ack ID</c>: someone is on a firing alert, so its escalation stops. The acknowledgement is kept in
/// the store (or sent to the server), so the server that notifies sees it.
/// </summary>
internal sealed class AckAlertCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly Argument<long> _id = AlertIdArgument.Create("The alert's id, as `vigil alerts` lists it.", "an alert id", "vigil alerts");
    private readonly Option<string?> _comment = new("--comment") { Description = "What you are doing about it.", HelpName = "TEXT" };
    private readonly Option<string?> _by = new("--by") { Description = "Who acknowledges (default: the user name, $USER).", HelpName = "NAME" };
    private readonly Option<bool> _json = new("--json") { Description = "Write the alert as one JSON object (as GET /api/alerts/{id}) instead of a line of text." };

    /// <summary>Creates the command.</summary>
    public AckAlertCommand(CliContext context)
        : base("ack", "Acknowledge a firing alert: escalation stops until it resolves or the acknowledgement times out.")
    {
        _context = context;
        Arguments.Add(_id);
        _store.AddForChangeTo(this);
        Options.Add(_comment);
        Options.Add(_by);
        Options.Add(_json);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil alerts ack 12",
        "vigil alerts ack 12 --comment \"rolling back 1.4\" --server http://127.0.0.1:4320",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = parseResult.GetValue(_id);
        var by = parseResult.GetValue(_by) ?? UserName.Of(_context);
        if (string.IsNullOrWhiteSpace(by))
        {
            throw new CliUsageException("--by: give who acknowledges (the user name could not be found)");
        }

        var ack = new AlertAcknowledgement { By = by, At = _context.Clock.GetUtcNow(), Comment = parseResult.GetValue(_comment) };
        await using var store = _store.Open(parseResult, _context);
        var alert = await store.AcknowledgeAlertAsync(id, ack, cancellationToken).ConfigureAwait(false);

        if (alert is null)
        {
            await _context.Stderr.WriteLineAsync($"vigil: alert {id} not found in the store (list them with `{_context.Runnable("vigil alerts --all")}`)").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }

        if (parseResult.GetValue(_json))
        {
            ContractJson.WriteLines(_context.Data, [alert.ToApi()]);
        }
        else
        {
            _context.Stdout.Write(new StyledLine().Append(AlertText.StateLine(alert)));
        }

        return ExitCodes.Success;
    }
}
