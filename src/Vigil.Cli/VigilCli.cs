using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Spectre.Console;
using Vigil.Cli.Commands;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli;

/// <summary>
/// The composition root: builds the command tree, runs one command line, and turns every
/// outcome into an exit code (see <see cref="ExitCodes"/>). <c>Program</c> only calls this;
/// tests call it in-process with a <c>TestConsole</c>.
/// </summary>
internal static class VigilCli
{
    /// <summary>Runs <paramref name="args"/> and returns the process exit code.</summary>
    public static Task<int> RunAsync(
        string[] args,
        IAnsiConsole stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?> environment,
        TimeProvider? clock = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(stdout, stderr, environment, clock ?? TimeProvider.System), cancellationToken);

    /// <summary>Runs <paramref name="args"/> against a prepared context.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var verbose = VerboseOption.Create();
        var root = BuildCommandTree(context, verbose);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // One line naming the argument; the full help is one --help away.
            await context.Stderr.WriteLineAsync($"vigil: {OneLine(ParseErrorText.Describe(parseResult, args, context.CommandName))}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Data,
            Error = context.Stderr,
            EnableDefaultExceptionHandler = false,

            // Program.cs owns Ctrl-C; in-process runs must not hook the host's signals.
            ProcessTerminationTimeout = null,
        };

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C ends --follow: the user asked for it, so it is not a failure.
            return ExitCodes.Success;
        }
        catch (CliUsageException e)
        {
            await context.Stderr.WriteLineAsync($"vigil: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (QueryRefusedException e)
        {
            // The same words as the server's 400 for the same query ('--grep !!!').
            await context.Stderr.WriteLineAsync($"vigil: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (ChangeRefusedException e)
        {
            // A store's (or a server's) refusal of a change: acknowledging an alert that is not firing, a silence
            // with no matcher. Its words are the same from a store file and through --server.
            await context.Stderr.WriteLineAsync($"vigil: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (StoreErrors.TryDescribe(e, context, out var message))
        {
            await context.Stderr.WriteLineAsync($"vigil: {message}").ConfigureAwait(false);
            await WriteDetailsAsync(context, parseResult, verbose, e).ConfigureAwait(false);
            return ExitCodes.StoreUnavailable;
        }
        // The last line of defence: any other failure becomes one line and exit code 1.
        catch (Exception e)
        {
            await context.Stderr.WriteLineAsync($"vigil: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            await WriteDetailsAsync(context, parseResult, verbose, e).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

    /// <summary>Builds the full command tree (also used by the help and reflection tests).</summary>
    public static VigilRootCommand BuildCommandTree(CliContext context, Option<bool> verbose)
    {
        var root = new VigilRootCommand();
        root.Options.Add(verbose);
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help when help.Action is HelpAction inner:
                    inner.MaxWidth = Math.Max(40, context.Stdout.Profile.Width);
                    help.Action = new ExamplesHelpAction(inner, context.CommandName);
                    break;
                case VersionOption version:
                    version.Action = new VersionAction();
                    break;
            }
        }

        foreach (var command in CommandCatalog.Create(context))
        {
            root.Subcommands.Add(command);
        }

        // Bare "vigil" shows the help rather than failing.
        root.SetAction(parseResult =>
        {
            var help = root.Options.OfType<HelpOption>().Single();
            return ((SynchronousCommandLineAction)help.Action!).Invoke(parseResult);
        });
        return root;
    }

    // Some of the library's messages span lines ("Must be one of:\n\t'a'"); errors here are one line. Messages quote
    // what was typed, so other control characters (an escape sequence pasted as an argument) must not reach the terminal.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => string.Concat(part.Select(c => char.IsControl(c) ? '?' : c))));

    private static async Task WriteDetailsAsync(CliContext context, ParseResult parseResult, Option<bool> verbose, Exception e)
    {
        if (parseResult.GetValue(verbose))
        {
            await context.Stderr.WriteLineAsync(e.ToString()).ConfigureAwait(false);
        }
    }
}
