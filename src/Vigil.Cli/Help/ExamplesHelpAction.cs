using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Vigil.Cli.Invocation;

namespace Vigil.Cli.Help;

/// <summary>
/// The standard help, then an "Examples:" section: System.CommandLine 2.0 has no place for
/// examples, and a CLI's help is where people look for them first.
/// </summary>
internal sealed class ExamplesHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _inner;
    private readonly string _commandName;

    /// <summary>Wraps the library's help action; examples name the command as <paramref name="commandName"/> spells it.</summary>
    public ExamplesHelpAction(HelpAction inner, string commandName)
    {
        _inner = inner;
        _commandName = commandName;
    }

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var result = _inner.Invoke(parseResult);
        if (parseResult.CommandResult.Command is IHaveExamples { Examples.Count: > 0 } withExamples)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in withExamples.Examples)
            {
                output.WriteLine($"  {CommandName.Apply(example, _commandName)}");
            }

            output.WriteLine();
        }

        return result;
    }
}
