using System.CommandLine;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

public sealed class CommandGuardTests
{
    private static List<Command> AllCommands()
    {
        var context = new CliContext(new TestConsole(), TextWriter.Null, new Dictionary<string, string?>(), new FakeTimeProvider(CliHarness.Now));
        var root = VigilCli.BuildCommandTree(context, VerboseOption.Create());
        var all = new List<Command> { root };
        for (var i = 0; i < all.Count; i++)
        {
            all.AddRange(all[i].Subcommands);
        }

        return all;
    }

    [Fact]
    public void CommandTree_EveryCommand_HasDescriptionAndExamples()
    {
        var commands = AllCommands();

        // Guard against a guard that checks nothing: the tree must hold the root and its commands.
        Assert.True(commands.Count >= 4, $"expected the root and at least 3 commands, found {commands.Count}");
        Assert.All(commands, command =>
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), $"'{command.Name}' has no description");
            var withExamples = Assert.IsAssignableFrom<IHaveExamples>(command);
            Assert.NotEmpty(withExamples.Examples);
        });
    }

    [Fact]
    public void CommandTypes_EveryCommandClass_IsInTheTree()
    {
        var types = typeof(VigilCli).Assembly.GetTypes()
            .Where(t => typeof(Command).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        var inTree = AllCommands().Select(c => c.GetType()).ToHashSet();

        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Contains(t, inTree));
    }

    [Fact]
    public void CommandTree_EveryOption_HasDescription()
    {
        var options = AllCommands().SelectMany(c => c.Options).ToList();

        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.False(string.IsNullOrWhiteSpace(o.Description), $"'{o.Name}' has no description"));
    }
}
