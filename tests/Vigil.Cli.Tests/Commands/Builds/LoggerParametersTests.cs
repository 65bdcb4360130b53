using Vigil.Cli.Commands.Exec;
using Vigil.MSBuild;
using Vigil.Recording;
using Vigil.Redaction;

namespace Vigil.Cli.Tests.Commands.Builds;

public sealed class LoggerParametersTests
{
    [Fact]
    public void Parse_EveryKey_ReadsCaseInsensitively()
    {
        var parameters = LoggerParameters.Parse(" minTargetMs=20 ; MINTASKMS=5;minprojectms=1;tasks;store=/tmp/a.db;service=ci-build;");

        Assert.Equal(new LoggerParameters { MinTargetMilliseconds = 20, MinTaskMilliseconds = 5, MinProjectMilliseconds = 1, Tasks = true, StorePath = "/tmp/a.db", ServiceName = "ci-build" }, parameters);
    }

    [Fact]
    public void Parse_Nothing_GivesTheDefaults()
    {
        var parameters = LoggerParameters.Parse(null);

        Assert.Equal(LoggerParameters.DefaultMinTargetMilliseconds, parameters.MinTargetMilliseconds);
        Assert.False(parameters.Tasks);
        Assert.Null(parameters.StorePath);
        Assert.Equal("msbuild", parameters.ServiceName);
    }

    [Theory]
    [InlineData("minTargetMs=fast", "minTargetMs='fast' is not a whole number")]
    [InlineData("minTargetMs=-5", "minTargetMs='-5' is not a whole number")]
    [InlineData("minTargetMs=99999999999999999999", "minTargetMs='99999999999999999999' is not a whole number")]
    [InlineData("tasks=maybe", "tasks='maybe' is not true or false")]
    [InlineData("mintarget=5", "unknown parameter 'mintarget'")]
    [InlineData("otlp=ftp://host", "otlp='ftp://host' is not an http:// or https:// URL")]
    [InlineData("store=", "store needs a value")]
    [InlineData("store=/a.db;otlp=http://127.0.0.1:4318", "give store or otlp, not both")]
    public void Parse_BadParameter_NamesTheKey(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => LoggerParameters.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeHostileText_AnswersWithAnError()
    {
        var error = Assert.Throws<FormatException>(() => LoggerParameters.Parse(new string(';', 100_000) + new string('x', 1_000_000) + "=1"));

        Assert.StartsWith("Vigil.MSBuild: unknown parameter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "dotnet", "build" }, true)]
    [InlineData(new[] { "/usr/bin/dotnet", "test", "--no-build" }, true)]
    [InlineData(new[] { "dotnet", "run" }, false)]
    [InlineData(new[] { "dotnet" }, false)]
    [InlineData(new[] { "make", "build" }, false)]
    [InlineData(new[] { "dotnet", "build", "-logger:/opt/Vigil.MSBuild.dll" }, false)]
    public void Applies_OnlyDotnetBuildAndTestWithoutTheLoggerAlready(string[] words, bool expected)
    {
        Assert.Equal(expected, MSBuildLoggerInjection.Applies(Command(words)));
    }

    [Fact]
    public void Add_AfterTheVerb_KeepsTheRecordedCommandAsTyped()
    {
        var logger = typeof(LoggerParametersTests).Assembly.Location;
        var command = Command("dotnet", "test", "-c", "Release", "--", "RunConfiguration.X=1");

        var added = MSBuildLoggerInjection.Add(command, new RecordingDestination("/tmp/s.db", null), logger, out var reason);

        Assert.Null(reason);
        Assert.Equal(["test", $"-distributedlogger:{logger};store=/tmp/s.db*{logger}", "-c", "Release", "--", "RunConfiguration.X=1"], added!.Arguments);
        Assert.Equal(command.RedactedArguments, added.RedactedArguments);
    }

    [Fact]
    public void Add_StorePathWithSemicolon_SaysWhyNot()
    {
        var added = MSBuildLoggerInjection.Add(Command("dotnet", "build"), new RecordingDestination("/tmp/a;b.db", null), typeof(LoggerParametersTests).Assembly.Location, out var reason);

        Assert.Null(added);
        Assert.Contains("';' or '*'", reason, StringComparison.Ordinal);
    }

    private static ExecCommandLine Command(params string[] words) =>
        ExecCommandLine.Create(words, null, new CommandLineRedactor(new Redactor(new RedactionOptions())));
}
