using System.CommandLine;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Model;

namespace Vigil.Cli.Commands.Errors;

/// <summary>
/// What <c>resolve</c>, <c>ignore</c> and <c>reopen</c> share: the <c>ID</c> argument, the store and
/// <c>--json</c> options, applying a change and printing the group's new state in one line.
/// </summary>
internal sealed class ErrorStatusChanger
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly Option<bool> _json = new("--json") { Description = "Write the group's new state as one JSON object instead of a line of text." };

    /// <summary>Creates the shared parts.</summary>
    public ErrorStatusChanger(CliContext context) => _context = context;

    /// <summary>The <c>ID</c> argument.</summary>
    public Argument<long> Id { get; } = ErrorGroupIdArgument.Create();

    /// <summary>Adds the argument and the shared options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Id);
        _store.AddForChangeTo(command);
        command.Options.Add(_json);
    }

    /// <summary>Applies <paramref name="change"/> to the group named by <c>ID</c>.</summary>
    /// <exception cref="CliUsageException">The change does not fit its status.</exception>
    public async Task<int> ApplyAsync(ParseResult parseResult, ErrorStatusChange change, CancellationToken cancellationToken)
    {
        if (change.Problem() is { } problem)
        {
            throw new CliUsageException(problem);
        }

        var id = parseResult.GetValue(Id);
        await using var store = _store.Open(parseResult, _context);
        var group = await store.UpdateErrorGroupStatusAsync(id, change, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            await _context.Stderr.WriteLineAsync($"vigil: error group {id} not found in the store (list them with `{_context.Runnable("vigil errors --status all")}`)").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }

        if (parseResult.GetValue(_json))
        {
            var lines = new JsonLines(_context.Data);
            lines.Write(json => ErrorGroupJson.WriteProperties(json, group));
            lines.Flush();
        }
        else
        {
            _context.Stdout.Write(new StyledLine().Append(ErrorGroupText.StateLine(group, _context.Clock)));
        }

        return ExitCodes.Success;
    }
}
