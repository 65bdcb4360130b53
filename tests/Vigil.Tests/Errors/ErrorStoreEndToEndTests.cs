using Microsoft.Extensions.Logging;
using Vigil.Storage;
using Vigil.Tests.Support;

namespace Vigil.Tests.Errors;

/// <summary>Exceptions through the SDK's local store, grouped by the store's engine with the Errors settings.</summary>
/// <remarks>
/// Tracked operations share one process-wide ActivitySource, so every SDK instance alive in this test process
/// hears the operation spans (and their exception events) of tests running beside it. Each test therefore
/// throws a message of its own and reads only the groups carrying it.
/// </remarks>
public sealed class ErrorStoreEndToEndTests
{
    private static string UniqueMessage(string text) => $"{text} {Guid.NewGuid():N}";

    private static async Task<IReadOnlyList<ErrorGroup>> ReadGroupsAsync(TestVigil vigil, string message)
    {
        await using var store = SqliteTelemetryStore.Open(Path.Combine(vigil.WorkingDirectory, ".vigil", "vigil.db"), TelemetryStoreOptions.Reader);
        var groups = await store.QueryErrorGroupsAsync(new ErrorGroupQuery());
        return [.. groups.Where(g => g.Message == message)];
    }

    [Fact]
    public async Task FailedTrackedOperation_LogAndSpanEventPaired_OneGroupCountedOnce()
    {
        using var vigil = TestVigil.Start(o =>
        {
            o.Store.Enabled = true;
            o.Service.Name = "errors-e2e";
        });

        var message = UniqueMessage("card declined");
        Assert.Throws<InvalidOperationException>(() => vigil.Sdk.Operations.Track("charge", () => throw new InvalidOperationException(message)));
        vigil.Stop();

        var group = Assert.Single(await ReadGroupsAsync(vigil, message));
        Assert.Equal(1, group.Count);
        Assert.Equal("System.InvalidOperationException", group.Type);
        Assert.Equal(["errors-e2e"], group.Services);
    }

    [Fact]
    public async Task WarningWithException_DefaultMinimumLevel_IsNotAnError()
    {
        using var vigil = TestVigil.Start(o => o.Store.Enabled = true);
        var message = UniqueMessage("slow gateway");

        vigil.Sdk.CreateLogger("Shop").LogWarning(new TimeoutException(message), "Retrying");
        vigil.Sdk.CreateLogger("Shop").LogError(new InvalidOperationException(message), "Gave up");
        vigil.Stop();

        // The error logged beside it proves the store grouped this run's records; the warning made no group.
        var group = Assert.Single(await ReadGroupsAsync(vigil, message));
        Assert.Equal("System.InvalidOperationException", group.Type);
    }

    [Fact]
    public async Task ErrorsSettings_ReachTheStore_MinimumLevelAndSeverityRuleApply()
    {
        using var vigil = TestVigil.Start(o =>
        {
            o.Store.Enabled = true;
            o.Errors.MinimumLogLevel = LogLevel.Warning;
            o.Errors.SeverityRules.Add(new ErrorSeverityRuleOptions { Type = "*Timeout*", Severity = ErrorSeverity.Critical });
        });

        var message = UniqueMessage("slow gateway");
        vigil.Sdk.CreateLogger("Shop").LogWarning(new TimeoutException(message), "Retrying");
        vigil.Stop();

        var group = Assert.Single(await ReadGroupsAsync(vigil, message));
        Assert.Equal("System.TimeoutException", group.Type);
        Assert.Equal(ErrorSeverity.Critical, group.Severity);
    }
}
