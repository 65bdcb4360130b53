using Vigil.Storage.Builds;
using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Commands.Builds;

/// <summary><c>vigil builds show ID</c>: one build's projects, and the targets inside each, as a waterfall.</summary>
internal sealed class ShowBuildCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly Argument<string> _id = BuildIdArgument.Create("ID", "The build's trace id, or a unique start of one, as vigil builds lists it.");
    private readonly Option<int> _targets = new("--targets")
    {
        Description = "How many of each project's slowest targets to show (default 5; 0 for projects only).",
        HelpName = "N",
        DefaultValueFactory = _ => 5,
    };

    /// <summary>Creates the command.</summary>
    public ShowBuildCommand(CliContext context)
        : base("show", "Show one build's per-project and per-target times (own time, excluding the projects each one built) as a waterfall.")
    {
        _context = context;
        Arguments.Add(_id);
        _store.AddTo(this);
        _format.AddTo(this);
        Options.Add(_targets);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil builds show 4bf92f35",
        "vigil builds show 4bf92f35 --targets 10",
        "vigil builds show 4bf92f35 --json | jq '.targets[0]'",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var targets = parseResult.GetValue(_targets);
        if (targets < 0)
        {
            throw new CliUsageException($"--targets: '{targets}' is not a number of targets (0 or more)");
        }

        await using var store = _store.Open(parseResult, _context);
        var id = parseResult.GetValue(_id)!;
        var traceId = await TraceIdResolver.ResolveAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (traceId is null || await BuildHistory.ReadOneAsync(store, traceId, cancellationToken).ConfigureAwait(false) is not { } build)
        {
            await _context.Stderr.WriteLineAsync($"vigil: {(traceId is null ? TraceIdResolver.NotFound(id) : $"trace {traceId} records no build or vigil exec command")}").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }

        if (_format.IsJson(parseResult))
        {
            BuildJsonOutput.WriteOne(_context.Data, build);
        }
        else
        {
            BuildTextOutput.WriteOne(_context, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, build, targets);
        }

        return ExitCodes.Success;
    }
}
