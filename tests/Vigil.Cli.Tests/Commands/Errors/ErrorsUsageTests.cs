using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Errors;

public sealed class ErrorsUsageTests
{
    private readonly CliHarness _cli = new();

    // Every case names a store that does not exist: exit code 1 (not 2) proves arguments are checked before the store is opened.
    [Theory]
    [InlineData("--status", "not a status", "errors", "--status", "open")]
    [InlineData("--status", "not a status", "errors", "--status", "")]
    [InlineData("--severity", "not a severity", "errors", "--severity", "urgent")]
    [InlineData("--limit", "greater than zero", "errors", "--limit", "0")]
    [InlineData("--limit", "greater than zero", "errors", "--limit", "-3")]
    [InlineData("--since", "not a duration", "errors", "--since", "yesterday")]
    [InlineData("--until", "later than --since", "errors", "--since", "1h", "--until", "2h")]
    [InlineData("ID", "not an error group id", "errors", "show", "abc")]
    [InlineData("ID", "not an error group id", "errors", "show", "12abc")]
    [InlineData("ID", "ids start at 1", "errors", "show", "0")]
    [InlineData("ID", "too large", "errors", "show", "99999999999999999999")]
    [InlineData("ID", "not an error group id", "errors", "resolve", "#")]
    [InlineData("ID", "not an error group id", "errors", "ignore", "1.5")]
    [InlineData("ID", "not an error group id", "errors", "reopen", "\u001b[31m")]
    [InlineData("'show'", "Required argument missing", "errors", "show")]
    [InlineData("--hours", "greater than zero", "errors", "show", "1", "--hours", "0")]
    [InlineData("--hours", "at most 720", "errors", "show", "1", "--hours", "721")]
    [InlineData("--events", "not a whole number", "errors", "show", "1", "--events", "all")]
    [InlineData("--events", "at most 1000", "errors", "show", "1", "--events", "1001")]
    [InlineData("--for-events", "greater than zero", "errors", "ignore", "1", "--for-events", "0")]
    [InlineData("--for-events", "--until", "errors", "ignore", "1", "--for-events", "5", "--until", "2h")]
    [InlineData("--until", "already passed", "errors", "ignore", "1", "--until", "2026-11-23T11:00:00Z")]
    [InlineData("--until", "negative", "errors", "ignore", "1", "--until", "-2h")]
    [InlineData("--until", "not a duration", "errors", "ignore", "1", "--until", "soon")]
    [InlineData("--until", "zero", "errors", "ignore", "1", "--until", "0m")]
    [InlineData("--until", "past the year 9999", "errors", "ignore", "1", "--until", "1000000w")]
    [InlineData("--in-next-release", "Unrecognized", "errors", "ignore", "1", "--in-next-release")]
    [InlineData("'extra'", "Unrecognized", "errors", "reopen", "1", "extra")]
    public async Task Errors_BadArgument_ExitsOneWithOneLineNamingIt(string argument, string expectedFragment, params string[] args)
    {
        var missing = Path.Combine(Path.GetTempPath(), "vigil-cli-tests", Guid.NewGuid().ToString("N"), "missing.db");

        var run = await _cli.RunAsync([.. args, "--store", missing]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("vigil: ", line, StringComparison.Ordinal);
        Assert.Contains(argument, line, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', line);
    }
}
