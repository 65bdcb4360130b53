using System.CommandLine;
using Vigil.Model;

namespace Vigil.Cli.Commands.Errors;

/// <summary><c>vigil errors resolve ID</c>: mark a group fixed; a new event reopens it as a regression.</summary>
internal sealed class ResolveErrorCommand : Command, IHaveExamples
{
    private readonly ErrorStatusChanger _changer;
    private readonly Option<bool> _inNextRelease = new("--in-next-release")
    {
        Description = "Resolved in the next release: only an event from a release not seen yet reopens it (events from releases already out do not).",
    };

    /// <summary>Creates the command.</summary>
    public ResolveErrorCommand(CliContext context)
        : base("resolve", "Mark an error group resolved; a new event reopens it and marks it a regression.")
    {
        _changer = new ErrorStatusChanger(context);
        _changer.AddTo(this);
        Options.Add(_inNextRelease);
        SetAction((parseResult, cancellationToken) => _changer.ApplyAsync(
            parseResult,
            new ErrorStatusChange { Status = ErrorGroupStatus.Resolved, InNextRelease = parseResult.GetValue(_inNextRelease) },
            cancellationToken));
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil errors resolve 12                      # fixed: any new event reopens it",
        "vigil errors resolve 12 --in-next-release    # fixed in the release being deployed",
    ];
}
