using Vigil.Model;
using Vigil.Storage.Tests.Grouping;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Error tracking: severity rules and spikes, as the store reports them.</summary>
public abstract partial class TelemetryStoreContractTests
{
    [Theory]
    [InlineData("Shop.ValidationError", ErrorSeverity.Low)]
    [InlineData("Shop.NetworkError", ErrorSeverity.Medium)]
    [InlineData("Shop.DatabaseError", ErrorSeverity.High)]
    [InlineData("Shop.SecurityError", ErrorSeverity.Critical)]
    [InlineData("Shop.OtherError", ErrorSeverity.Medium)]
    public async Task WriteAsync_DefaultSeverityRules_GiveGroupSeverity(string type, ErrorSeverity expected)
    {
        // Act
        await WriteSpansAsync(SomeErrors.Span(type, "failed", stackTrace: null));

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.Equal(expected, group.BaseSeverity);
        Assert.Equal(expected, group.Severity);
        Assert.False(group.SeverityRaised);
    }

    [Fact]
    public async Task WriteAsync_CustomSeverityRules_ByTypeServiceAndAttribute()
    {
        // Arrange
        await using var store = await CreateOtherStoreAsync(new TelemetryStoreOptions
        {
            ErrorTracking = new()
            {
                SeverityRules =
                [
                    new() { Type = "*KeyNotFound*", Severity = ErrorSeverity.Low },
                    new() { Service = "payments", Severity = ErrorSeverity.Critical },
                    new() { Attribute = new("http.route", "/admin"), Severity = ErrorSeverity.High },
                ],
            },
        });

        // Act
        await store.WriteAsync(new TelemetryBatch
        {
            Logs = [SomeErrors.Log(SomeErrors.Thrown(() => ThrowSite.Fail(1)))],
            Spans =
            [
                SomeErrors.Span("Shop.RefundFailed", "no", null, service: "payments", span: 1),
                SomeErrors.Span("Shop.AdminFailed", "no", null, span: 2, attributes: [new("http.route", "/admin")]),
            ],
        });

        // Assert
        var groups = await store.QueryErrorGroupsAsync(new ErrorGroupQuery());
        Assert.Equal(ErrorSeverity.Low, Assert.Single(groups, g => g.Type.EndsWith("KeyNotFoundException", StringComparison.Ordinal)).Severity);
        Assert.Equal(ErrorSeverity.Critical, Assert.Single(groups, g => g.Type == "Shop.RefundFailed").Severity);
        Assert.Equal(ErrorSeverity.High, Assert.Single(groups, g => g.Type == "Shop.AdminFailed").Severity);
    }

    [Fact]
    public async Task WriteAsync_NewestEventsSeverity_IsTheGroups_ALateOlderEventDoesNotChangeIt()
    {
        // Arrange: a rule that only some events of one group match.
        await using var store = await CreateOtherStoreAsync(new TelemetryStoreOptions
        {
            ErrorTracking = new() { SeverityRules = [new() { Attribute = new("tier", "vip"), Severity = ErrorSeverity.Critical }] },
        });
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var now = DateTimeOffset.UtcNow;
        var vip = new KeyValuePair<string, object?>[] { new("tier", "vip") };

        // Act + Assert: first a plain event, then a newer VIP one, then a late plain one from before both.
        await store.WriteAsync(new TelemetryBatch { Logs = [SomeErrors.Log(exception, now.AddMinutes(-5))] });
        Assert.Equal(ErrorSeverity.Medium, Assert.Single(await store.QueryErrorGroupsAsync(new ErrorGroupQuery())).BaseSeverity);

        await store.WriteAsync(new TelemetryBatch { Logs = [SomeErrors.Log(exception, now, attributes: vip)] });
        Assert.Equal(ErrorSeverity.Critical, Assert.Single(await store.QueryErrorGroupsAsync(new ErrorGroupQuery())).BaseSeverity);

        await store.WriteAsync(new TelemetryBatch { Logs = [SomeErrors.Log(exception, now.AddMinutes(-10))] });
        var group = Assert.Single(await store.QueryErrorGroupsAsync(new ErrorGroupQuery()));
        Assert.Equal(ErrorSeverity.Critical, group.BaseSeverity);
        Assert.Equal(3, group.Count);
    }

    [Fact]
    public async Task QueryErrorGroupsAsync_BurstInLastHour_RaisesSeverityOneStep()
    {
        // Arrange: a steady trickle yesterday, then a burst now.
        var now = DateTimeOffset.UtcNow;
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var logs = Enumerable.Range(2, 20).Select(h => SomeErrors.Log(exception, now.AddHours(-h)))
            .Concat(Enumerable.Range(0, 30).Select(i => SomeErrors.Log(exception, now.AddSeconds(-i))));

        // Act
        await WriteLogsAsync([.. logs]);

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.True(group.SeverityRaised);
        Assert.Equal(ErrorSeverity.Medium, group.BaseSeverity);
        Assert.Equal(ErrorSeverity.High, group.Severity);
        Assert.Single(await GroupsAsync(new ErrorGroupQuery { MinimumSeverity = ErrorSeverity.High }));
        Assert.True((await Store.GetErrorGroupAsync(group.Id, 1, 1))!.Group.SeverityRaised);
    }

    [Fact]
    public async Task QueryErrorGroupsAsync_BrandNewGroupBursting_IsNotRaised()
    {
        // Arrange: thirty events in the last ten minutes and none ever before.
        var now = DateTimeOffset.UtcNow;
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));

        // Act
        await WriteLogsAsync([.. Enumerable.Range(0, 30).Select(i => SomeErrors.Log(exception, now.AddSeconds(-20 * i)))]);

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.False(group.SeverityRaised);
        Assert.Equal(ErrorSeverity.Medium, group.Severity);
    }

    [Fact]
    public async Task QueryErrorGroupsAsync_BurstHoursAgo_HasDecayed()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));

        // Act
        await WriteLogsAsync([.. Enumerable.Range(0, 30).Select(i => SomeErrors.Log(exception, now.AddHours(-3).AddSeconds(-i)))]);

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.False(group.SeverityRaised);
        Assert.Equal(ErrorSeverity.Medium, group.Severity);
        Assert.Empty(await GroupsAsync(new ErrorGroupQuery { MinimumSeverity = ErrorSeverity.High }));
    }

    [Fact]
    public async Task QueryErrorGroupsAsync_SteadyRate_IsNoSpike()
    {
        // Arrange: 12 an hour for a day; the current hour is no busier.
        var now = DateTimeOffset.UtcNow;
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var logs = Enumerable.Range(0, 25).SelectMany(h => Enumerable.Range(0, 12).Select(i => SomeErrors.Log(exception, now.AddHours(-h).AddSeconds(-i))));

        // Act
        await WriteLogsAsync([.. logs]);

        // Assert
        Assert.False(Assert.Single(await GroupsAsync()).SeverityRaised);
    }
}
