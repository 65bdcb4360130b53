using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using Vigil.Configuration;
using Vigil.Model;
using Vigil.Pipeline;
using Vigil.Tests.Support;

namespace Vigil.Tests.Health;

/// <summary>
/// A real generic host with Vigil and the application's health checks, run every second from the start, the
/// records collected after Vigil's own processors and the console sink (JSON) captured.
/// </summary>
internal sealed class HealthHost : IAsyncDisposable
{
    private static readonly TimeSpan s_hostTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _directory;
    private readonly StringWriter _console;
    private readonly CollectingLogExporter _logs;
    private bool _stopped;

    private HealthHost(TempDirectory directory, IHost host, StringWriter console, CollectingLogExporter logs)
    {
        _directory = directory;
        Host = host;
        _console = console;
        _logs = logs;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public string WorkingDirectory => _directory.Path;

    /// <summary>What the console sink wrote; read it after <see cref="StopAsync"/>.</summary>
    public string ConsoleText => _console.ToString();

    public static HealthHost Create(Action<IHealthChecksBuilder> addChecks, Action<VigilOptions>? configure = null)
    {
        var directory = new TempDirectory();
        var logs = new CollectingLogExporter();
        var console = new StringWriter();
        var environment = new Dictionary<string, string?>();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory.Path, EnvironmentName = "Testing" });
        var context = new VigilStartupContext(directory.Path, environment, builder.Configuration, builder.Environment.EnvironmentName);
        builder.Services.AddVigil(
            context,
            new SinkEnvironment(TextWriter.Synchronized(console), ConsoleIsTerminal: false, environment, directory.Path),
            options =>
            {
                options.Console.Enabled = false;
                options.Store.Enabled = false;
                options.Errors.CaptureUnhandled = false;
                options.Health.DelaySeconds = 0;
                options.Health.PeriodSeconds = 1;
                options.Health.TimeoutSeconds = 1;
                configure?.Invoke(options);
            });
        builder.Services.ConfigureOpenTelemetryLoggerProvider(b => b.AddProcessor(new SimpleLogRecordExportProcessor(logs)));
        addChecks(builder.Services.AddHealthChecks());
        return new HealthHost(directory, builder.Build(), console, logs);
    }

    public Task StartAsync() => Host.StartAsync().WaitAsync(s_hostTimeout);

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Host.StopAsync().WaitAsync(s_hostTimeout);
            Host.Dispose();
        }
    }

    public IReadOnlyList<CollectedLog> AllLogs => _logs.Logs;

    public IReadOnlyList<CollectedLog> Results(string check) =>
        [.. _logs.Logs.Where(l => l.EventName == HealthLogRecord.EventName && Equals(l.Attributes.GetValueOrDefault(HealthLogRecord.Name), check))];

    /// <summary>Waits until <paramref name="check"/> has at least <paramref name="count"/> results and returns the first ones.</summary>
    public Task<IReadOnlyList<CollectedLog>> WaitForResultsAsync(string check, int count = 1) =>
        Eventually.WaitForAsync<IReadOnlyList<CollectedLog>>(
            () => Results(check) is { } results && results.Count >= count ? [.. results.Take(count)] : null,
            $"{count} result(s) of health check '{check}'");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _directory.Dispose();
    }
}
