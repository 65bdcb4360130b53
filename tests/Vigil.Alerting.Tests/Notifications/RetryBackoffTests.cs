using Vigil.Alerting.Notifications;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>The wait between attempts: doubling from the first delay, at least what the receiver asked, at most five minutes.</summary>
public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, null, 1)]
    [InlineData(2, null, 2)]
    [InlineData(3, null, 4)]
    [InlineData(6, null, 32)]
    [InlineData(20, null, 300)]
    [InlineData(1, 30, 30)]
    [InlineData(6, 3, 32)]
    [InlineData(1, 7200, 300)]
    public void Delay_DoublesHonoursRetryAfterAndCaps(int failed, int? retryAfterSeconds, int expectedSeconds)
    {
        var retryAfter = retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryBackoff.Delay(failed, TimeSpan.FromSeconds(1), retryAfter));
    }
}
