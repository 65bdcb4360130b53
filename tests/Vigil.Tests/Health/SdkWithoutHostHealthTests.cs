using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Vigil.Model;
using Vigil.Tests.Support;

namespace Vigil.Tests.Health;

/// <summary><see cref="VigilSdk"/> without a generic host is the host of its services: health checks run and stop with it.</summary>
public sealed class SdkWithoutHostHealthTests
{
    [Fact]
    public async Task Start_HealthCheckRegistered_RunsOnThePeriodAndIsRecorded()
    {
        // Arrange
        var name = $"disk-{Guid.NewGuid():N}";
        using var vigil = TestVigil.Start(
            o =>
            {
                o.Health.DelaySeconds = 0;
                o.Health.PeriodSeconds = 1;
            },
            configureServices: services => services.AddHealthChecks().AddCheck(name, () => HealthCheckResult.Degraded("92% full")));

        // Act
        var record = await Eventually.WaitForAsync(
            () => vigil.LogExporter.Logs.FirstOrDefault(l => Equals(l.Attributes.GetValueOrDefault(HealthLogRecord.Name), name)),
            "the check's first result");

        // Assert
        Assert.Equal("degraded", record.Attributes[HealthLogRecord.Status]);
        Assert.Equal("92% full", record.Attributes[HealthLogRecord.Description]);
    }

    [Fact]
    public void Dispose_HostedServicesAreStoppedBeforeTheSinksFlush()
    {
        // Arrange
        var hosted = new RecordingHostedService();
        var vigil = TestVigil.Start(configureServices: services => services.AddSingleton<IHostedService>(hosted));
        var startedWithTheSdk = hosted.Started;

        // Act
        vigil.Dispose();

        // Assert
        Assert.True(startedWithTheSdk);
        Assert.True(hosted.Stopped);
    }

    private sealed class RecordingHostedService : IHostedService
    {
        public bool Started { get; private set; }

        public bool Stopped { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Stopped = true;
            return Task.CompletedTask;
        }
    }
}
