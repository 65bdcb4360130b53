using Vigil.Model;

namespace Vigil.Cli.Commands.Logs;

/// <summary>Where <c>vigil logs</c> writes records: text for humans or JSON lines.</summary>
internal interface ILogOutput
{
    /// <summary>Writes <paramref name="entries"/>, oldest first.</summary>
    void Write(IReadOnlyList<LogEntry> entries);
}
