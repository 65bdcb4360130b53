namespace Vigil.Cli.Commands.Exec;

/// <summary>Where the child's stdout and stderr go: vigil's own, as raw bytes (Program.cs gives the process's).</summary>
internal sealed record ExecStreams(Stream Output, Stream Error);
