namespace Vigil.Cli.Commands.Exec;

/// <summary>How one child run ended: its exit code (128+N for signal N, as a shell reports it) and its output's size.</summary>
internal sealed record ChildRun(int ExitCode, long OutputBytes, long OutputLines, long OutputBytesNotRecorded, ResourceFigures? Resources);
