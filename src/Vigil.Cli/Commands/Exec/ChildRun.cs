namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// How one child run ended: its exit code (128+N for signal N, as a shell reports it), its output's size, the lines
/// that read as errors, and what of the output was left out of the record (by <c>--record-lines</c>, and in bytes
/// when the recorder fell behind), and when it ended (a <see cref="System.Diagnostics.Stopwatch"/> timestamp: its exit
/// and the end of its output, before vigil finished recording).
/// </summary>
internal sealed record ChildRun(int ExitCode, long OutputBytes, long OutputLines, long ErrorLines, long OutputLinesNotRecorded, long OutputBytesNotRecorded, ResourceFigures? Resources, long EndedTimestamp);
