namespace Vigil.Cli.Tests.Support;

/// <summary>What one in-process run of vigil produced.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);
