using Vigil.Storage.Builds;
using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Commands.Builds;

/// <summary><c>vigil builds compare A B</c>: which projects and targets took longer in B than in A, and by how much.</summary>
internal sealed class CompareBuildsCommand : Command, IHaveExamples
{
    /// <summary>How many slower projects and targets are listed unless <c>--limit</c> says otherwise.</summary>
    public const int DefaultLimit = 20;

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly Argument<string> _before = BuildIdArgument.Create("A", "The earlier (baseline) build's trace id or a unique start of one.");
    private readonly Argument<string> _after = BuildIdArgument.Create("B", "The later build's trace id or a unique start of one.");
    private readonly Option<int?> _limit = LimitOption.Create(DefaultLimit, "slower projects and targets");

    /// <summary>Creates the command.</summary>
    public CompareBuildsCommand(CliContext context)
        : base("compare", "Compare two builds: which projects and targets got slower from A to B (own time), by how much and by what percentage.")
    {
        _context = context;
        Arguments.Add(_before);
        Arguments.Add(_after);
        _store.AddTo(this);
        _format.AddTo(this);
        Options.Add(_limit);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil builds compare 4bf92f35 9c01d2e7",
        "vigil builds compare 4bf92f35 9c01d2e7 --json | jq '.parts[] | select(.delta > 1)'",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var store = _store.Open(parseResult, _context);
        var builds = new List<BuildRecord>();
        foreach (var id in new[] { parseResult.GetValue(_before)!, parseResult.GetValue(_after)! })
        {
            var traceId = await TraceIdResolver.ResolveAsync(store, id, cancellationToken).ConfigureAwait(false);
            if (traceId is null || await BuildHistory.ReadOneAsync(store, traceId, cancellationToken).ConfigureAwait(false) is not { } build)
            {
                await _context.Stderr.WriteLineAsync($"vigil: {(traceId is null ? TraceIdResolver.NotFound(id) : $"trace {traceId} records no build or vigil exec command")}").ConfigureAwait(false);
                return ExitCodes.NotFound;
            }

            builds.Add(build);
        }

        var comparison = BuildComparison.Compare(builds[0], builds[1]);
        if (_format.IsJson(parseResult))
        {
            BuildJsonOutput.WriteComparison(_context.Data, comparison);
        }
        else
        {
            BuildTextOutput.WriteComparison(_context, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, comparison, parseResult.GetValue(_limit) ?? DefaultLimit);
        }

        return ExitCodes.Success;
    }
}
