using System.CommandLine;
using Vigil.Model;

namespace Vigil.Cli.Commands.Errors;

/// <summary><c>vigil errors reopen ID</c>: make a resolved or ignored group unresolved again.</summary>
internal sealed class ReopenErrorCommand : Command, IHaveExamples
{
    private readonly ErrorStatusChanger _changer;

    /// <summary>Creates the command.</summary>
    public ReopenErrorCommand(CliContext context)
        : base("reopen", "Mark a resolved or ignored error group unresolved again.")
    {
        _changer = new ErrorStatusChanger(context);
        _changer.AddTo(this);
        SetAction((parseResult, cancellationToken) => _changer.ApplyAsync(
            parseResult, new ErrorStatusChange { Status = ErrorGroupStatus.Unresolved }, cancellationToken));
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil errors reopen 12",
    ];
}
