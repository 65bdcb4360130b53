using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Vigil.Model;

namespace Vigil.Server.Probes;

/// <summary>
/// A command probe: runs a program directly (no shell), healthy on exit code 0 and unhealthy on anything else.
/// At the timeout the program and every process it started are killed. The tail of its output goes into the
/// result's description.
/// </summary>
internal sealed class CommandProbe : IProbe
{
    /// <summary>The most output kept for the description.</summary>
    internal const int MaxOutputCharacters = 1000;

    // After a kill, how long to wait for the process to be reaped and its output to close.
    private static readonly TimeSpan s_killWait = TimeSpan.FromSeconds(2);

    private readonly ProbeDefinition _definition;

    public CommandProbe(ProbeDefinition definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.File);
        _definition = definition;
    }

    public async Task<ProbeAttempt> RunAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_definition.File!)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in _definition.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var tail = new OutputTail(MaxOutputCharacters);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return ProbeAttempt.Unhealthy($"cannot start '{_definition.File}': {e.Message}");
        }

        // The command gets no input: a program that waits for some sees end of file at once.
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It already exited and closed its end.
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync(process).ConfigureAwait(false);
            var summary = string.Create(CultureInfo.InvariantCulture, $"'{_definition.File}' did not finish in {_definition.Timeout.TotalSeconds:0.###} s; killed with its child processes");
            return ProbeAttempt.Unhealthy(WithOutput(summary, tail));
        }

        var exitCode = process.ExitCode;
        var status = exitCode == 0 ? HealthStatus.Healthy : HealthStatus.Unhealthy;
        return new ProbeAttempt(
            status,
            WithOutput(string.Create(CultureInfo.InvariantCulture, $"'{_definition.File}' exited with code {exitCode}"), tail),
            [new("process.exit.code", exitCode)]);
    }

    public void Dispose()
    {
    }

    private static string WithOutput(string summary, OutputTail tail)
    {
        var output = tail.ToString();
        return output.Length == 0 ? summary : $"{summary}: {output}";
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }

        using var wait = new CancellationTokenSource(s_killWait);
        await process.WaitForExitAsync(wait.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
