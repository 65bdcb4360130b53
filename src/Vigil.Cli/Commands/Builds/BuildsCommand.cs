using Vigil.Storage.Builds;
using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Builds;

/// <summary>
/// <c>vigil builds</c>: the recent builds and <c>vigil exec</c> commands, with duration, result, branch, commit and
/// slowest projects; <c>show</c> and <c>compare</c> break one down or set two side by side.
/// </summary>
internal sealed class BuildsCommand : Command, IHaveExamples
{
    /// <summary>How many builds are listed unless <c>--limit</c> says otherwise.</summary>
    public const int DefaultLimit = 20;

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly Option<int?> _limit = LimitOption.Create(DefaultLimit, "builds");
    private readonly Option<string[]> _service = new("--service", "-s")
    {
        Description = "The service.name builds were recorded under (default: vigil-exec and msbuild); repeat for several.",
        HelpName = "NAME",
    };

    /// <summary>Creates the command and its subcommands.</summary>
    public BuildsCommand(CliContext context)
        : base("builds", "List recent builds and vigil exec commands: duration, result, git branch and commit, and the slowest projects.")
    {
        _context = context;
        _store.AddTo(this);
        _format.AddTo(this);
        Options.Add(_limit);
        Options.Add(_service);
        Subcommands.Add(new ShowBuildCommand(context));
        Subcommands.Add(new CompareBuildsCommand(context));
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil builds                                  # the 20 most recent builds and commands",
        "vigil builds show 4bf92f35                    # one build's projects and targets as a waterfall",
        "vigil builds compare 4bf92f35 9c01d2e7        # which projects and targets got slower",
        "vigil builds --server http://127.0.0.1:4320 --json",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var services = parseResult.GetValue(_service) is { Length: > 0 } named ? named : BuildHistory.DefaultServices;
        await using var store = _store.Open(parseResult, _context);
        var builds = await BuildHistory.ReadAsync(store, services, parseResult.GetValue(_limit) ?? DefaultLimit, cancellationToken).ConfigureAwait(false);
        if (_format.IsJson(parseResult))
        {
            BuildJsonOutput.WriteList(_context.Data, builds);
        }
        else
        {
            BuildTextOutput.WriteList(_context, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, builds);
        }

        return ExitCodes.Success;
    }
}
