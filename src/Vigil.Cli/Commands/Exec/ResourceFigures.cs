namespace Vigil.Cli.Commands.Exec;

/// <summary>What a finished command used: CPU time (user and system) and peak resident memory in bytes.</summary>
internal sealed record ResourceFigures(TimeSpan CpuTime, long PeakMemoryBytes);
