using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

public sealed class UsageErrorTests
{
    private readonly CliHarness _cli = new();

    // Every case passes a store that does not exist: exit code 1 (not 2) proves arguments are
    // checked before the store is opened.
    [Theory]
    [InlineData("--since", "vigil: --since: '15x' is not a duration (use 15m, 2h, 3d or an ISO 8601 timestamp)", "logs", "--since", "15x")]
    [InlineData("--since", "zero", "logs", "--since", "0s")]
    [InlineData("--since", "negative", "logs", "--since", "-5m")]
    [InlineData("--since", "too long", "logs", "--since", "99999999999999999999d")]
    [InlineData("--since", "before the year 1", "logs", "--since", "1000000w")]
    [InlineData("--until", "not an ISO 8601 timestamp", "logs", "--until", "2026-02-30T00:00:00Z")]
    [InlineData("--until", "later than --since", "logs", "--since", "1h", "--until", "2h")]
    [InlineData("--limit", "greater than zero", "logs", "--limit", "0")]
    [InlineData("--limit", "not a whole number", "logs", "--limit", "many")]
    [InlineData("--limit", "greater than zero", "traces", "--limit", "-1")]
    [InlineData("--level", "not a level", "logs", "--level", "loud")]
    [InlineData("--trace", "not a trace id", "logs", "--trace", "abc")]
    [InlineData("--where", "key=value", "logs", "--where", "novalue")]
    [InlineData("--time", "not a time style", "logs", "--time", "soon")]
    [InlineData("--follow", "--until", "logs", "--follow", "--until", "5m")]
    [InlineData("--patterns", "--follow", "logs", "--patterns", "--follow")]
    [InlineData("--limit", "greater than zero", "logs", "--patterns", "--limit", "0")]
    [InlineData("ID", "not a trace id", "traces", "123")]
    [InlineData("--min-duration", "zero", "traces", "--min-duration", "0ms")]
    [InlineData("--min-duration", "not a duration", "traces", "--min-duration", "fast")]
    [InlineData("--format", "not a format", "metrics", "--format", "xml")]
    [InlineData("--json", "conflicts with --format csv", "metrics", "m", "--json", "--format", "csv")]
    [InlineData("--filter", "empty", "metrics", "--filter", "", "--format", "prometheus")]
    [InlineData("--filter", "control characters", "metrics", "--filter", "shop\n*")]
    [InlineData("--filter", "takes no NAME", "metrics", "m", "--filter", "shop.*")]
    [InlineData("--format", "influx exports each series' latest point, so it takes no NAME", "metrics", "m", "--format", "influx")]
    [InlineData("--json", "conflicts with --format influx", "metrics", "--json", "--format", "influx")]
    [InlineData("--format", "not a format (use table, json, csv, prometheus or influx)", "metrics", "--format", "lineprotocol")]
    [InlineData("--service", "only applies with a metric NAME", "metrics", "--format", "prometheus", "--service", "orders")]
    [InlineData("--step", "zero", "metrics", "m", "--step", "0s")]
    [InlineData("--step", "more than 10000 buckets", "metrics", "m", "--since", "1w", "--step", "1s")]
    [InlineData("--by", "attribute key is required", "metrics", "m", "--by", " ")]
    [InlineData("--since", "earlier than --until", "metrics", "m", "--since", "2026-11-24T00:00:00Z")]
    [InlineData("/nonexistent/vigil.server.json", "does not exist", "mcp", "--config", "/nonexistent/vigil.server.json")]
    [InlineData("'extra'", "Unrecognized", "logs", "extra")]
    [InlineData("--nope", "Unrecognized", "metrics", "--nope")]
    [InlineData("'--untill'", "Unrecognized option", "traces", "--untill", "1h")]
    [InlineData("'--until'", "see vigil errors resolve --help", "errors", "resolve", "--until", "1h")]
    [InlineData("'--bogus'", "Unrecognized option", "errors", "show", "--bogus", "1")]
    [InlineData("'--nope'", "Unrecognized option", "metrics", "--nope=1", "x")]
    public async Task Command_BadArgument_ExitsOneWithOneLineNamingIt(string argument, string expectedFragment, params string[] args)
    {
        var run = await _cli.RunAsync([.. args, "--store", "/nonexistent/vigil.db"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("vigil: ", line, StringComparison.Ordinal);
        Assert.Contains(argument, line, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, line, StringComparison.Ordinal);
    }
}
