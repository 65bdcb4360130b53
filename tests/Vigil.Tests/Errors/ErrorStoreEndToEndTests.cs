using Microsoft.Extensions.Logging;
using Vigil.Model;
using Vigil.Tests.Support;

namespace Vigil.Tests.Errors;

/// <summary>Exceptions through the SDK's local store, grouped by the store's engine with the Errors settings.</summary>
/// <remarks>Each test reads only the groups of its own message (see <see cref="StoredErrorGroups"/>).</remarks>
public sealed class ErrorStoreEndToEndTests
{
    [Fact]
    public async Task FailedTrackedOperation_LogAndSpanEventPaired_OneGroupCountedOnce()
    {
        using var vigil = TestVigil.Start(o =>
        {
            o.Store.Enabled = true;
            o.Service.Name = "errors-e2e";
        });

        var message = StoredErrorGroups.UniqueMessage("card declined");
        Assert.Throws<InvalidOperationException>(() => vigil.Sdk.Operations.Track("charge", () => throw new InvalidOperationException(message)));
        vigil.Stop();

        var group = Assert.Single(await StoredErrorGroups.WithMessageAsync(vigil, message));
        Assert.Equal(1, group.Count);
        Assert.Equal("System.InvalidOperationException", group.Type);
        Assert.Equal(["errors-e2e"], group.Services);
    }

    [Fact]
    public async Task WarningWithException_DefaultMinimumLevel_IsNotAnError()
    {
        using var vigil = TestVigil.Start(o => o.Store.Enabled = true);
        var message = StoredErrorGroups.UniqueMessage("slow gateway");

        vigil.Sdk.CreateLogger("Shop").LogWarning(new TimeoutException(message), "Retrying");
        vigil.Sdk.CreateLogger("Shop").LogError(new InvalidOperationException(message), "Gave up");
        vigil.Stop();

        // The error logged beside it proves the store grouped this run's records; the warning made no group.
        var group = Assert.Single(await StoredErrorGroups.WithMessageAsync(vigil, message));
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

        var message = StoredErrorGroups.UniqueMessage("slow gateway");
        vigil.Sdk.CreateLogger("Shop").LogWarning(new TimeoutException(message), "Retrying");
        vigil.Stop();

        var group = Assert.Single(await StoredErrorGroups.WithMessageAsync(vigil, message));
        Assert.Equal("System.TimeoutException", group.Type);
        Assert.Equal(ErrorSeverity.Critical, group.Severity);
    }
}
