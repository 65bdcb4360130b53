using System.Collections;
using System.Runtime.InteropServices;
using Spectre.Console;
using Vigil.Cli;
using Vigil.Cli.Invocation;

// Ctrl-C stops --follow cleanly; a second Ctrl-C kills the process as usual.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// SIGTERM (docker stop, timeout, systemd) stops --follow the same way.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

// Spectre detects whether stdout is a terminal and what colours it supports.
var stdout = AnsiConsole.Create(new AnsiConsoleSettings
{
    Ansi = AnsiSupport.Detect,
    ColorSystem = ColorSystemSupport.Detect,
    Out = new AnsiConsoleOutput(Console.Out),
});

var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = entry.Value as string;
}

// Commands printed for the user to run name this executable unless PATH finds it as "vigil".
using var rawStdout = Console.OpenStandardOutput();
using var rawStderr = Console.OpenStandardError();
var context = new CliContext(stdout, Console.Error, environment, TimeProvider.System)
{
    CommandName = CommandName.ForCurrentProcess(environment),
    RawStdout = rawStdout,
    RawStderr = rawStderr,
};
return await VigilCli.RunAsync(args, context, cancellation.Token).ConfigureAwait(false);
