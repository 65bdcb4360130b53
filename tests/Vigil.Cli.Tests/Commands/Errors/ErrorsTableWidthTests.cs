using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Errors;

/// <summary>On a terminal, <c>vigil errors</c> fits the width: the error first, then count and last seen, then the culprit.</summary>
public sealed class ErrorsTableWidthTests : IDisposable
{
    private readonly CliHarness _cli = new() { Terminal = true };
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Errors_At80Columns_WholeTypesCountsAndLastSeenWithinTheWidth()
    {
        var lines = await TableAsync(80);

        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Matches(@"^ID\s+EVENTS\s+LAST SEEN\s+ERROR$", lines[0]);
        Assert.Contains(lines, l => l.Contains(ErrorSamples.Database + ": Connection", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(ErrorSamples.Payment + ": Card declined", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(ErrorSamples.Validation + ": Quantity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_At120Columns_CulpritShortenedFromTheLeftBeforeTheErrorIsCut()
    {
        var lines = await TableAsync(120);

        Assert.All(lines, line => Assert.True(line.Length <= 120, $"{line.Length} columns: {line}"));
        Assert.Matches(@"^ID\s+SEVERITY\s+EVENTS\s+LAST SEEN\s+CULPRIT\s+ERROR$", lines[0]);
        Assert.Contains(lines, l => l.Contains(ErrorSamples.Database + ": Connection", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains('…', StringComparison.Ordinal) && l.Contains("OrderRepository.Save", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_Piped_EveryColumnWhole()
    {
        await WriteGroupsAsync();
        _cli.Terminal = false;
        _cli.Width = 80;

        var run = await _cli.RunAsync("errors", "--store", _store.Path);

        Assert.Matches(@"^ID\s+STATUS\s+SEVERITY\s+EVENTS\s+LAST SEEN\s+FIRST SEEN\s+SERVICES\s+CULPRIT\s+ERROR", run.Stdout);
    }

    private async Task<List<string>> TableAsync(int width)
    {
        await WriteGroupsAsync();
        _cli.Width = width;
        var run = await _cli.RunAsync("errors", "--no-color", "--store", _store.Path);
        Assert.Equal(0, run.ExitCode);
        return [.. run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
    }

    // Culprits as long as a real application's (namespace, type and method) make the table overflow 120 columns.
    private Task WriteGroupsAsync()
    {
        var now = CliHarness.Now;
        return _store.WriteLogsAsync(
            ErrorSamples.Exception(ErrorSamples.Validation, "Quantity must be positive", "Checkout.Validation.OrderLineValidator.Validate", now.AddHours(-5)),
            ErrorSamples.Exception(ErrorSamples.Database, "Connection refused", "Persistence.Repositories.OrderRepository.Save", now.AddMinutes(-40)),
            ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Checkout.Payments.Gateways.CardGatewayClient.Pay", now.AddMinutes(-2)));
    }
}
