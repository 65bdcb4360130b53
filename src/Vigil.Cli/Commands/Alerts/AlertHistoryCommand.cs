using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigil.Api.Contracts.V1;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;
using Vigil.Server.Api;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>vigil alerts history</c>: state transitions and notification attempts, newest first, filtered by rule, labels
/// and time. <c>--json</c> writes one line per entry: <c>{"transition": ...}</c> or <c>{"notification": ...}</c>,
/// each the query API's contract type.
/// </summary>
internal sealed class AlertHistoryCommand : Command, IHaveExamples
{
    private const int DefaultLimit = 50;

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly TimeRangeOptions _range;
    private readonly Option<string?> _rule = new("--rule") { Description = "Only the history of this rule's alerts.", HelpName = "NAME" };
    private readonly Option<IReadOnlyList<LabelMatcher>> _match = ParsedOption.Repeated<LabelMatcher>(
        "--match", $"Only alerts whose labels match; repeat to require several ({LabelMatcherParser.Grammar}).", "MATCHER", LabelMatcherParser.TryParse);

    private readonly Option<long?> _alert = ParsedOption.Single<long>(
        "--alert", "Only the history of this alert, by the id `vigil alerts` shows.", "ID", (string text, out long id, out string? error) => IdParser.TryParse(text, "an alert id", "vigil alerts", out id, out error));

    private readonly Option<int?> _limit = LimitOption.Create(DefaultLimit, "transitions and as many notification attempts");

    /// <summary>Creates the command.</summary>
    public AlertHistoryCommand(CliContext context)
        : base("history", "Show alert state changes and notification attempts, newest first.")
    {
        _context = context;
        _range = new TimeRangeOptions(context.Clock);
        _store.AddTo(this);
        _format.AddTo(this);
        _range.AddTo(this);
        Options.Add(_rule);
        Options.Add(_match);
        Options.Add(_alert);
        Options.Add(_limit);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil alerts history --since 1d              # what fired, resolved and was notified today",
        "vigil alerts history --rule HighErrorRate --match service=shop",
        "vigil alerts history --alert 12 --json",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var query = new AlertHistoryQuery
        {
            AlertId = parseResult.GetValue(_alert),
            RuleName = parseResult.GetValue(_rule),
            Matchers = parseResult.GetValue(_match) ?? [],
            Since = _range.GetSince(parseResult),
            Until = _range.GetUntil(parseResult),
            Limit = parseResult.GetValue(_limit) ?? DefaultLimit,
        };
        await using var store = _store.Open(parseResult, _context);
        var transitions = await store.QueryAlertHistoryAsync(query, cancellationToken).ConfigureAwait(false);
        var attempts = await store.QueryNotificationsAsync(query, cancellationToken).ConfigureAwait(false);
        if (_format.IsJson(parseResult))
        {
            WriteJson(transitions, attempts);
            return ExitCodes.Success;
        }

        if (transitions.Count == 0 && attempts.Count == 0)
        {
            await _context.Stderr.WriteLineAsync("No alert history matches.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var palette = _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain;
        WriteText(palette, transitions, attempts);
        return ExitCodes.Success;
    }

    private void WriteJson(IReadOnlyList<AlertTransition> transitions, IReadOnlyList<NotificationAttempt> attempts)
    {
        var lines = new JsonLines(_context.Data);
        foreach (var transition in transitions)
        {
            lines.Write(json =>
            {
                json.WritePropertyName("transition");
                JsonSerializer.Serialize(json, transition.ToApi(), ApiJson.TypeInfo<ApiAlertTransition>());
            });
        }

        foreach (var attempt in attempts)
        {
            lines.Write(json =>
            {
                json.WritePropertyName("notification");
                JsonSerializer.Serialize(json, attempt.ToApi(), ApiJson.TypeInfo<ApiNotificationAttempt>());
            });
        }

        lines.Flush();
    }

    private void WriteText(Palette palette, IReadOnlyList<AlertTransition> transitions, IReadOnlyList<NotificationAttempt> attempts)
    {
        var now = _context.Clock.GetUtcNow();
        var c = CultureInfo.InvariantCulture;
        var console = _context.Stdout;
        int? width = _context.StdoutIsTerminal ? console.Profile.Width : null;
        console.Write(new StyledLine().Append(string.Create(c, $"State changes ({transitions.Count})"), palette.Header));
        var changes = new TextTable("WHEN", ">ALERT", "RULE", "FROM", "TO", ">VALUE", "LABELS");
        foreach (var t in transitions)
        {
            changes.AddRow(
                (RelativeTimeFormatter.Relative(t.At, now), palette.Dim),
                (t.AlertId.ToString(c), palette.Header),
                (t.RuleName, Style.Plain),
                AlertText.State(t.From, palette),
                AlertText.State(t.To, palette),
                (NumberFormatter.Human(t.Value), Style.Plain),
                (AlertText.Labels(t.Labels), palette.Service));
        }

        changes.Write(console, palette, width);
        console.Write(new StyledLine());
        console.Write(new StyledLine().Append(string.Create(c, $"Notifications ({attempts.Count})"), palette.Header));
        var sent = new TextTable("WHEN", "CHANNEL", "KIND", ">TRY", "OUTCOME", "ALERTS", "DETAIL");
        foreach (var a in attempts)
        {
            var kind = a.EscalationLevel is { } level ? string.Create(c, $"{a.Kind} {level}") : a.Kind;
            sent.AddRow(
                (RelativeTimeFormatter.Relative(a.At, now), palette.Dim),
                (a.Channel, palette.Service),
                (kind, Style.Plain),
                (a.Attempt.ToString(c), Style.Plain),
                Outcome(a.Outcome, palette),
                (string.Join(',', a.AlertIds.Select(id => id.ToString(c))), palette.Header),
                (a.Detail ?? "-", palette.Dim));
        }

        sent.Write(console, palette, width);
    }

    private static (string Text, Style Style) Outcome(NotificationOutcome outcome, Palette palette) => outcome switch
    {
        NotificationOutcome.Delivered => ("delivered", palette.Ok),
        NotificationOutcome.Failed => ("failed", palette.Error),
        _ => ("suppressed", palette.Dim),
    };
}
