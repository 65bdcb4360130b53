using Microsoft.Extensions.Logging;

namespace Vigil.Cli.Commands.Exec;

/// <summary>Where the output lines chosen for the record go (the run's log records).</summary>
internal interface IOutputLineRecorder
{
    /// <summary>Records one line, escapes removed, at <paramref name="level"/>, as printed at <paramref name="timestampUtc"/>.</summary>
    void Line(string text, LogLevel level, bool fromStandardError, DateTime timestampUtc);
}
