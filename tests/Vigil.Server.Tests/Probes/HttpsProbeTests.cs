using Vigil.Model;
using Vigil.Server.Probes;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Probes;

public sealed class HttpsProbeTests : IAsyncDisposable
{
    private readonly ProbeHarness _harness = new();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Attempt_CertificateWithFewDaysLeft_Degraded()
    {
        // Arrange
        await using var target = await HttpTarget.StartAsync(HttpTarget.SelfSignedCertificate(daysLeft: 5));

        // Act
        var result = await AttemptAsync(Https(target) with { MinCertificateDays = 14 });

        // Assert
        Assert.Equal(HealthStatus.Degraded, result.Observed);
        Assert.StartsWith("TLS certificate expires in ", result.Description, StringComparison.Ordinal);
        Assert.Contains("days (minimum 14)", result.Description, StringComparison.Ordinal);
        Assert.Contains(new KeyValuePair<string, object?>("tls.certificate.days_left", 4d), result.Data);
    }

    [Fact]
    public async Task Attempt_CertificateWithEnoughDaysLeft_Healthy()
    {
        // Arrange
        await using var target = await HttpTarget.StartAsync(HttpTarget.SelfSignedCertificate(daysLeft: 90));

        // Act
        var result = await AttemptAsync(Https(target) with { MinCertificateDays = 14 });

        // Assert
        Assert.Equal(HealthStatus.Healthy, result.Observed);
        Assert.Contains(new KeyValuePair<string, object?>("tls.certificate.days_left", 89d), result.Data);
    }

    [Fact]
    public async Task Attempt_UntrustedCertificateNotAllowed_Unhealthy()
    {
        // Arrange
        await using var target = await HttpTarget.StartAsync(HttpTarget.SelfSignedCertificate(daysLeft: 90));

        // Act
        var result = await AttemptAsync(Https(target) with { AllowUntrustedCertificate = false });

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
        Assert.Equal(0, target.Requests);
        Assert.Contains("SSL", result.Description, StringComparison.OrdinalIgnoreCase);
    }

    private static ProbeDefinition Https(HttpTarget target) => new()
    {
        Name = "tls",
        Kind = ProbeKind.Http,
        Url = target.Url,
        AllowUntrustedCertificate = true,
        Interval = TimeSpan.FromSeconds(30),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private async Task<HealthResult> AttemptAsync(ProbeDefinition definition) =>
        (await _harness.Runner(definition).AttemptAsync(CancellationToken.None).DefaultTimeout())!;
}
