namespace Vigil.Cli.Help;

/// <summary>A command whose <c>--help</c> ends with worked examples.</summary>
internal interface IHaveExamples
{
    /// <summary>Command lines, each optionally followed by <c>  # what it does</c>.</summary>
    IReadOnlyList<string> Examples { get; }
}
