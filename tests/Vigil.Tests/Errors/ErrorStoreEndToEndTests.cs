using Microsoft.Extensions.Logging;
using Vigil.Storage;
using Vigil.Tests.Support;

namespace Vigil.Tests.Errors;

/// <summary>Exceptions through the SDK's local store, grouped by the store's engine with the Errors settings.</summary>
public sealed class ErrorStoreEndToEndTests
{
    private static async Task<IReadOnlyList<ErrorGroup>> ReadGroupsAsync(TestVigil vigil)
    {
        await using var store = SqliteTelemetryStore.Open(Path.Combine(vigil.WorkingDirectory, ".vigil", "vigil.db"), TelemetryStoreOptions.Reader);
        return await store.QueryErrorGroupsAsync(new ErrorGroupQuery());
    }

    [Fact]
    public async Task FailedTrackedOperation_LogAndSpanEventPaired_OneGroupCountedOnce()
    {
        using var vigil = TestVigil.Start(o =>
        {
            o.Store.Enabled = true;
            o.Service.Name = "errors-e2e";
        });

        Assert.Throws<InvalidOperationException>(() => vigil.Sdk.Operations.Track("charge", () => throw new InvalidOperationException("card declined")));
        vigil.Stop();

        var group = Assert.Single(await ReadGroupsAsync(vigil));
        Assert.Equal(1, group.Count);
        Assert.Equal("System.InvalidOperationException", group.Type);
        Assert.Equal("card declined", group.Message);
        Assert.Equal(["errors-e2e"], group.Services);
    }

    [Fact]
    public async Task WarningWithException_DefaultMinimumLevel_IsNotAnError()
    {
        using var vigil = TestVigil.Start(o => o.Store.Enabled = true);

        vigil.Sdk.CreateLogger("Shop").LogWarning(new TimeoutException("slow gateway"), "Retrying");
        vigil.Stop();

        Assert.Empty(await ReadGroupsAsync(vigil));
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

        vigil.Sdk.CreateLogger("Shop").LogWarning(new TimeoutException("slow gateway"), "Retrying");
        vigil.Stop();

        var group = Assert.Single(await ReadGroupsAsync(vigil));
        Assert.Equal("System.TimeoutException", group.Type);
        Assert.Equal(ErrorSeverity.Critical, group.Severity);
    }
}
