using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using Vigil.Configuration;
using Vigil.Tests.Support;

namespace Vigil.Tests.Hosting;

public sealed class AddVigilTests
{
    [Fact]
    public void AddVigil_CalledTwice_FailsWithClearMessage()
    {
        using var directory = new TempDirectory();
        var context = new VigilStartupContext(directory.Path, new Dictionary<string, string?>());
        var services = new ServiceCollection();
        services.AddVigil(context, sinkEnvironment: null, configure: null);

        var error = Assert.Throws<InvalidOperationException>(() => services.AddVigil(context, sinkEnvironment: null, configure: null));

        Assert.Contains("call AddVigil once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddVigil_InvalidConfiguration_FailsBeforeTheHostStarts()
    {
        using var directory = new TempDirectory();
        directory.Write("vigil.json", """{ "Export": { "MaxQueueSize": "lots" } }""");
        var context = new VigilStartupContext(directory.Path, new Dictionary<string, string?>());

        var error = Assert.Throws<VigilConfigurationException>(() => new ServiceCollection().AddVigil(context, sinkEnvironment: null, configure: null));

        Assert.Contains("'Export:MaxQueueSize': 'lots' is not a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddVigil_OnGenericHost_CapturesLogsAndReplacesDefaultConsoleLogger()
    {
        using var directory = new TempDirectory();
        var collected = new CollectingLogExporter();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Staging", ContentRootPath = directory.Path });
        builder.Configuration["Vigil:Service:Name"] = "hosted";
        var context = new VigilStartupContext(directory.Path, new Dictionary<string, string?>(), builder.Configuration, builder.Environment.EnvironmentName);
        var console = new StringWriter();
        builder.Services.AddVigil(context, new SinkEnvironment(console, false, new Dictionary<string, string?>(), directory.Path), configure: null);
        builder.Services.ConfigureOpenTelemetryLoggerProvider(b => b.AddProcessor(new OpenTelemetry.SimpleLogRecordExportProcessor(collected)));

        using (var host = builder.Build())
        {
            await host.StartAsync();
            using (var activity = new System.Diagnostics.Activity("request").Start())
            {
                host.Services.GetRequiredService<ILogger<AddVigilTests>>().LogWarning("from the host");
            }

            Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), p => p.GetType().Name == "ConsoleLoggerProvider");
            Assert.Equal("Staging", host.Services.GetRequiredService<VigilOptions>().Service.Environment);
            Assert.Equal("hosted", host.Services.GetRequiredService<VigilOptions>().Service.Name);
            await host.StopAsync();
        }

        var log = Assert.Single(collected.Logs, l => l.Message == "from the host");
        Assert.NotEqual(default, log.TraceId);

        // The host's activity-tracking scope repeats the ids; they are not copied into attributes.
        Assert.DoesNotContain("TraceId", log.Attributes.Keys);
        Assert.DoesNotContain("SpanId", log.Attributes.Keys);
    }
}
