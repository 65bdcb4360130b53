using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;
using Vigil.Server.Api;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>vigil alerts silence --match k=v --for 2h --comment ...</c>: alerts whose labels match are not notified for a
/// while. Starts now unless <c>--start</c> says when.
/// </summary>
internal sealed class SilenceCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly Option<IReadOnlyList<LabelMatcher>> _match = ParsedOption.Repeated<LabelMatcher>(
        "--match", $"Silence alerts whose labels match (required); repeat to require several ({LabelMatcherParser.Grammar}).", "MATCHER", LabelMatcherParser.TryParse);

    private readonly Option<TimeSpan?> _for = ParsedOption.Single<TimeSpan>("--for", "How long the silence lasts from its start (required): 30m, 2h, 1d.", "DURATION", DurationParser.TryParse);
    private readonly Option<DateTimeOffset?> _start;
    private readonly Option<string?> _comment = new("--comment") { Description = "Why (required): what is going on, for whoever sees the silence.", HelpName = "TEXT" };
    private readonly Option<string?> _author = new("--author") { Description = "Who creates it (default: the user name, $USER).", HelpName = "NAME" };
    private readonly Option<bool> _json = new("--json") { Description = "Write the silence as one JSON object (as GET /api/silences) instead of a line of text." };

    /// <summary>Creates the command.</summary>
    public SilenceCommand(CliContext context)
        : base("silence", "Silence alerts whose labels match, for a while: they are not notified.")
    {
        _context = context;
        _start = ParsedOption.Single<DateTimeOffset>(
            "--start", $"When the silence starts (default: now): {FutureTimePointParser.Hint}.", "WHEN",
            (string text, out DateTimeOffset value, out string? error) => FutureTimePointParser.TryParse(text, context.Clock, out value, out error));
        _store.AddForChangeTo(this);
        Options.Add(_match);
        Options.Add(_for);
        Options.Add(_start);
        Options.Add(_comment);
        Options.Add(_author);
        Options.Add(_json);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil alerts silence --match service=shop --for 2h --comment \"deploy of 1.4\"",
        "vigil alerts silence --match alertname=DiskFull --match 'host=~\"db-.*\"' --for 1d --start 2h --comment \"migration tonight\"",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var matchers = parseResult.GetValue(_match) ?? [];
        if (matchers.Count == 0)
        {
            throw new CliUsageException($"--match: give at least one label matcher, such as --match service=shop ({LabelMatcherParser.Grammar})");
        }

        var length = parseResult.GetValue(_for) ?? throw new CliUsageException("--for: give how long the silence lasts, such as --for 2h");
        var comment = parseResult.GetValue(_comment);
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new CliUsageException("--comment: say why, such as --comment \"deploy of 1.4\"");
        }

        var author = parseResult.GetValue(_author) ?? UserName.Of(_context);
        if (string.IsNullOrWhiteSpace(author))
        {
            throw new CliUsageException("--author: give who creates the silence (the user name could not be found)");
        }

        var now = _context.Clock.GetUtcNow();
        var start = parseResult.GetValue(_start) ?? now;
        if (length > DateTimeOffset.MaxValue - start)
        {
            throw new CliUsageException("--for: the silence would end past the year 9999");
        }

        var silence = new Silence { Matchers = matchers, StartsAt = start, EndsAt = start + length, CreatedBy = author, Comment = comment, CreatedAt = now };
        await using var store = _store.Open(parseResult, _context);
        var created = await store.CreateSilenceAsync(silence, cancellationToken).ConfigureAwait(false);

        if (parseResult.GetValue(_json))
        {
            ContractJson.WriteLines(_context.Data, [created.ToApi(now)]);
        }
        else
        {
            var c = CultureInfo.InvariantCulture;
            _context.Stdout.Write(new StyledLine().Append(string.Create(c,
                $"Silence {created.Id} {SilenceTable.State(created.StateAt(now))} until {created.EndsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", c)}: {string.Join(", ", created.Matchers)}")));
        }

        return ExitCodes.Success;
    }
}
