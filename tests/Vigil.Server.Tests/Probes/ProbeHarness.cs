using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Model;
using Vigil.Server.Probes;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Probes;

/// <summary>A real SQLite store in a temp directory, and runners for probes that write into it.</summary>
internal sealed class ProbeHarness : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-probes-").FullName;
    private readonly List<ProbeRunner> _runners = [];

    public ProbeHarness()
    {
        Store = SqliteTelemetryStore.Open(Path.Combine(_directory, "vigil.db"));
    }

    public ITelemetryStore Store { get; }

    public ProbeRunner Runner(ProbeDefinition definition)
    {
        var runner = new ProbeRunner(definition, ProbeService.Create(definition, TimeProvider.System), Store, TimeProvider.System, NullLogger.Instance, ProbeService.ServiceName);
        _runners.Add(runner);
        return runner;
    }

    public async Task<HealthState?> StateAsync(string name) =>
        (await Store.QueryHealthAsync(new HealthQuery { Kind = HealthSourceKind.Probe })).SingleOrDefault(s => s.Latest.Name == name);

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }

        await Store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
