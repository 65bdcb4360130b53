using Spectre.Console;
using Vigil.Server.Hosting;
using Vigil.Storage;

namespace Vigil.Cli;

/// <summary>
/// Everything a command may touch outside itself: the two output streams, the environment
/// and the clock. Tests build one around a <c>TestConsole</c>; nothing reads the real
/// process state, so commands run in-process side by side.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Creates a context.</summary>
    public CliContext(IAnsiConsole stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment, TimeProvider clock)
    {
        Stdout = stdout;
        Stderr = stderr;
        Environment = environment;
        Clock = clock;

        // The store reads "now" (hourly error counts, spikes, ignore limits) from the same clock as the output.
        OpenStore = path => StoreOpener.Open(path, TelemetryStoreOptions.Reader with { Clock = Clock });
        OpenStoreForChange = path => StoreOpener.Open(path, TelemetryStoreOptions.Writer with { CreateIfMissing = false, Clock = Clock });
        OpenStoreForWrite = path => StoreOpener.Open(path, TelemetryStoreOptions.Writer with { Clock = Clock });
        StdoutIsTerminal = stdout.Profile.Out.IsTerminal;
    }

    /// <summary>Data: what a script would pipe on.</summary>
    public IAnsiConsole Stdout { get; }

    /// <summary>Diagnostics, hints and errors.</summary>
    public TextWriter Stderr { get; }

    /// <summary>The process environment (injected so tests can set <c>NO_COLOR</c>, <c>VIGIL_STORE</c>).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The clock relative times are measured against.</summary>
    public TimeProvider Clock { get; }

    /// <summary>
    /// Whether stdout is a terminal rather than a pipe or file: output may then be cut to its width or
    /// redrawn in place. Not the same as ANSI support, which Spectre also reports for redirected output.
    /// </summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>
    /// How every command the CLI prints for the user to run spells <c>vigil</c> (see <see cref="Invocation.CommandName"/>):
    /// <c>vigil</c> in tests and for the installed tool, the executable's path when run from a build.
    /// </summary>
    public string CommandName { get; init; } = Invocation.CommandName.ToolName;

    /// <summary><paramref name="commandLine"/>, written with <c>vigil</c>, as the user can run it here.</summary>
    public string Runnable(string commandLine) => Invocation.CommandName.Apply(commandLine, CommandName);

    /// <summary>How often <c>--follow</c> asks the store for new records.</summary>
    public TimeSpan FollowPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Opens the store at an absolute path for reading, read-only: the CLI's readers never create,
    /// upgrade or change a store, and a missing or foreign file is an error (exit code 2).
    /// </summary>
    public Func<string, IQueryStore> OpenStore { get; init; }

    /// <summary>
    /// Opens the store at an absolute path for a change (<c>vigil errors resolve|ignore|reopen</c>): it must
    /// exist and be a Vigil store; an older schema is upgraded, as every writer does.
    /// </summary>
    public Func<string, IQueryStore> OpenStoreForChange { get; init; }

    /// <summary>
    /// Opens the store at an absolute path for recording into (<c>vigil exec</c>), creating the file and its folder
    /// when absent, as an application's local store is; an older schema is upgraded.
    /// </summary>
    public Func<string, ITelemetryStore> OpenStoreForWrite { get; init; }

    /// <summary>The directory relative paths (a store, the server's configuration file) are resolved against and stores are searched below (the process's, unless a test sets one).</summary>
    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>
    /// The process's stdout and stderr as byte streams, for <c>vigil exec</c> to pass a child's output through
    /// unchanged (Program.cs sets the real ones; in-process runs discard it unless a test sets its own).
    /// </summary>
    public Stream RawStdout { get; init; } = Stream.Null;

    /// <summary>The stderr counterpart of <see cref="RawStdout"/>.</summary>
    public Stream RawStderr { get; init; } = Stream.Null;

    /// <summary>Writes raw data to stdout, bypassing Spectre's wrapping (JSON lines must not wrap at 80 columns).</summary>
    public TextWriter Data => Stdout.Profile.Out.Writer;

    /// <summary>Reads an environment variable; empty counts as unset.</summary>
    public string? GetEnvironmentVariable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
