using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Silences: created with matchers, listed by their state at a moment, expired by hand.</summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task CreateSilenceAsync_Valid_AssignsIdAndReadsEveryFieldBack()
    {
        // Arrange
        var silence = SomeAlerts.Silence(SomeAlerts.Start, TimeSpan.FromHours(2), "service=shop", "env=~\"prod|stage\"", "severity!~\"info\"") with { CreatedAt = SomeAlerts.Start };

        // Act
        var created = await Alerts.CreateSilenceAsync(silence with { Id = 999 });

        // Assert
        Assert.NotEqual(0, created.Id);
        var read = Assert.Single(await Alerts.QuerySilencesAsync(SomeAlerts.Start.AddMinutes(1), includeExpired: false));
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(silence.Matchers, read.Matchers);
        Assert.Equal((SomeAlerts.Start, SomeAlerts.Start.AddHours(2), "ana", "deploy", SomeAlerts.Start),
            (read.StartsAt, read.EndsAt, read.CreatedBy, read.Comment, read.CreatedAt));
        Assert.True(read.Silences(SomeAlerts.Labels("X", ("service", "shop"), ("env", "stage")), SomeAlerts.Start.AddMinutes(1)));
    }

    [Fact]
    public async Task CreateSilenceAsync_NoMatcher_IsRefusedInWords()
    {
        // Act + Assert
        var exception = await Assert.ThrowsAsync<ChangeRefusedException>(() => Alerts.CreateSilenceAsync(SomeAlerts.Silence(SomeAlerts.Start, TimeSpan.FromHours(1))));
        Assert.Equal("A silence needs at least one label matcher, or it would silence every alert.", exception.Message);
        Assert.Empty(await Alerts.QuerySilencesAsync(SomeAlerts.Start, includeExpired: true));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public async Task CreateSilenceAsync_EndsNotAfterStart_IsRefusedInWords(int seconds)
    {
        // Act + Assert
        var exception = await Assert.ThrowsAsync<ChangeRefusedException>(() => Alerts.CreateSilenceAsync(SomeAlerts.Silence(SomeAlerts.Start, TimeSpan.FromSeconds(seconds), "a=b")));
        Assert.StartsWith("A silence must end after it starts", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await Alerts.QuerySilencesAsync(SomeAlerts.Start, includeExpired: true));
    }

    [Fact]
    public async Task QuerySilencesAsync_ExpiredLeftOutUnlessAsked_NewestFirst()
    {
        // Arrange
        var t = SomeAlerts.Start;
        var expired = await Alerts.CreateSilenceAsync(SomeAlerts.Silence(t.AddHours(-3), TimeSpan.FromHours(1), "a=1") with { CreatedAt = t.AddHours(-3) });
        var active = await Alerts.CreateSilenceAsync(SomeAlerts.Silence(t.AddHours(-1), TimeSpan.FromHours(2), "a=2") with { CreatedAt = t.AddHours(-2) });
        var pending = await Alerts.CreateSilenceAsync(SomeAlerts.Silence(t.AddHours(1), TimeSpan.FromHours(1), "a=3") with { CreatedAt = t.AddHours(-1) });

        // Act
        var current = await Alerts.QuerySilencesAsync(t, includeExpired: false);
        var all = await Alerts.QuerySilencesAsync(t, includeExpired: true);

        // Assert
        Assert.Equal([pending.Id, active.Id], current.Select(s => s.Id));
        Assert.Equal([SilenceState.Pending, SilenceState.Active], current.Select(s => s.StateAt(t)));
        Assert.Equal([pending.Id, active.Id, expired.Id], all.Select(s => s.Id));
    }

    [Fact]
    public async Task ExpireSilenceAsync_ActivePendingExpiredAndUnknown_EndsAsTheContractSays()
    {
        // Arrange
        var t = SomeAlerts.Start;
        var active = await Alerts.CreateSilenceAsync(SomeAlerts.Silence(t.AddHours(-1), TimeSpan.FromHours(2), "a=1"));
        var pending = await Alerts.CreateSilenceAsync(SomeAlerts.Silence(t.AddHours(1), TimeSpan.FromHours(1), "a=2"));
        var expired = await Alerts.CreateSilenceAsync(SomeAlerts.Silence(t.AddHours(-3), TimeSpan.FromHours(1), "a=3"));

        // Act
        var endedActive = await Alerts.ExpireSilenceAsync(active.Id, t);
        var endedPending = await Alerts.ExpireSilenceAsync(pending.Id, t);
        var endedExpired = await Alerts.ExpireSilenceAsync(expired.Id, t);
        var unknown = await Alerts.ExpireSilenceAsync(expired.Id + 1000, t);

        // Assert
        Assert.Equal((t.AddHours(-1), t), (endedActive!.StartsAt, endedActive.EndsAt));
        Assert.Equal((t, t), (endedPending!.StartsAt, endedPending.EndsAt));
        Assert.Equal((t.AddHours(-3), t.AddHours(-2)), (endedExpired!.StartsAt, endedExpired.EndsAt));
        Assert.Null(unknown);
        Assert.Empty(await Alerts.QuerySilencesAsync(t, includeExpired: false));
        Assert.All(await Alerts.QuerySilencesAsync(t, includeExpired: true), s => Assert.Equal(SilenceState.Expired, s.StateAt(t)));
    }
}
