using Vigil.Cli.Invocation;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Invocation;

/// <summary>How the CLI spells itself in the commands it prints (Invocation/CommandName.cs).</summary>
public sealed class CommandNameTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("vigil-name-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Resolve_ExecutableIsWhatPathFinds_Vigil()
    {
        var tools = Directory.CreateDirectory(Path.Combine(_root, "tools")).FullName;
        var tool = Touch(Path.Combine(tools, "vigil"));

        Assert.Equal("vigil", CommandName.Resolve(tool, "unused.dll", "/usr/bin:" + tools, _root, windows: false));
    }

    [Fact]
    public void Resolve_PathFindsALinkToTheExecutable_Vigil()
    {
        var build = Touch(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName, "Vigil.Cli"));
        var links = Directory.CreateDirectory(Path.Combine(_root, "links")).FullName;
        File.CreateSymbolicLink(Path.Combine(links, "vigil"), build);

        Assert.Equal("vigil", CommandName.Resolve(build, "unused.dll", links, "/", windows: false));
    }

    [Fact]
    public void Resolve_AnotherVigilOnPath_TheRunningExecutable()
    {
        var other = Directory.CreateDirectory(Path.Combine(_root, "other")).FullName;
        Touch(Path.Combine(other, "vigil"));
        var build = Touch(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "src", "bin")).FullName, "Vigil.Cli"));

        Assert.Equal("src/bin/Vigil.Cli", CommandName.Resolve(build, "unused.dll", other, _root, windows: false));
    }

    [Fact]
    public void Resolve_ExecutableInTheCurrentDirectory_DotSlash()
    {
        var build = Touch(Path.Combine(_root, "Vigil.Cli"));

        Assert.Equal("./Vigil.Cli", CommandName.Resolve(build, "unused.dll", null, _root, windows: false));
    }

    [Fact]
    public void Resolve_ExecutableOutsideTheCurrentDirectory_AbsolutePath()
    {
        var build = Touch(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName, "Vigil.Cli"));
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "work")).FullName;

        Assert.Equal(build, CommandName.Resolve(build, "unused.dll", null, elsewhere, windows: false));
    }

    [Fact]
    public void Resolve_PathWithSpacesAndQuotes_QuotedForTheShell()
    {
        var build = Touch(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "my tools", "it's")).FullName, "Vigil.Cli"));

        Assert.Equal("'my tools/it'\\''s/Vigil.Cli'", CommandName.Resolve(build, "unused.dll", null, _root, windows: false));
        Assert.Equal("\"my tools/it's/Vigil.Cli\"", CommandName.Resolve(build, "unused.dll", null, _root, windows: true));
    }

    [Fact]
    public void Resolve_RunByTheDotnetHost_DotnetAndTheAssembly()
    {
        var assembly = Path.Combine(_root, "bin", "Vigil.Cli.dll");

        Assert.Equal("dotnet bin/Vigil.Cli.dll", CommandName.Resolve("/usr/share/dotnet/dotnet", assembly, "/usr/bin", _root, windows: false));
    }

    [Theory]
    [InlineData("vigil logs --since 5m", "./Vigil.Cli logs --since 5m")]
    [InlineData("vigil", "./Vigil.Cli")]
    [InlineData("VIGIL_API_KEY=s3cret vigil serve --bind 0.0.0.0", "VIGIL_API_KEY=s3cret ./Vigil.Cli serve --bind 0.0.0.0")]
    [InlineData("vigilant logs", "vigilant logs")]
    [InlineData("echo vigil logs", "echo vigil logs")]
    public void Apply_CommandLineWrittenWithVigil_SpelledAsRun(string line, string expected) =>
        Assert.Equal(expected, CommandName.Apply(line, "./Vigil.Cli"));

    [Fact]
    public async Task Help_Examples_SpellTheCommandAsItRuns()
    {
        var cli = new CliHarness { CommandName = "src/Vigil.Cli/bin/Debug/net10.0/Vigil.Cli" };

        var run = await cli.RunAsync("logs", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  src/Vigil.Cli/bin/Debug/net10.0/Vigil.Cli logs --since 15m --level warn", run.Stdout, StringComparison.Ordinal);
        var examples = run.Stdout[run.Stdout.IndexOf("Examples:", StringComparison.Ordinal)..];
        Assert.DoesNotContain("  vigil ", examples, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_HelpHint_SpellsTheCommandAsItRuns()
    {
        var cli = new CliHarness { CommandName = "./Vigil.Cli" };

        var run = await cli.RunAsync("traces", "--untill", "1h");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(see ./Vigil.Cli traces --help)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownErrorGroup_ListHint_SpellsTheCommandAsItRuns()
    {
        using var store = new TempStore();
        await store.CreateAsync();
        var cli = new CliHarness { CommandName = "./Vigil.Cli" };

        var run = await cli.RunAsync("errors", "show", "99", "--store", store.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("(list them with `./Vigil.Cli errors --status all`)", run.Stderr, StringComparison.Ordinal);
    }

    private static string Touch(string path)
    {
        File.WriteAllText(path, string.Empty);
        return path;
    }
}
