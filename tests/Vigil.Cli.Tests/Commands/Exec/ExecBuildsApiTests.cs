using System.Globalization;
using System.Net.Http.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Server.Hosting;
using Vigil.Storage.Builds;

namespace Vigil.Cli.Tests.Commands.Exec;

/// <summary>
/// What the dashboard's builds view reads (<c>GET /api/builds</c>) for runs the real <c>vigil exec</c> recorded: each
/// figure against the span it wrote, so the endpoint reads the names and value types exec really writes.
/// </summary>
public sealed class ExecBuildsApiTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string StorePath => _directory.Combine("exec.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task BuildsApi_RunsRecordedByVigilExec_GiveTheRecordedFiguresAndAJudgement()
    {
        foreach (var command in new[] { "exit 0", "exit 3" })
        {
            await VigilProcess.RunAsync(_directory.Path, new Dictionary<string, string?>(), null, "exec", "--store", StorePath, "--name", "check", "--", "sh", "-c", command);
        }

        var spans = (await ExecRecords.ReadAsync(StorePath)).Spans.Where(s => s.Scope.Name == ExecSemantics.InstrumentationName).OrderByDescending(s => s.StartTime).ToList();
        await using var server = VigilServerApplication.Create(new VigilServerOptions { StorePath = StorePath, GrpcPort = 0, OtlpHttpPort = 0, QueryPort = 0 });
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port(VigilServerListener.Query)}") };
        var builds = (await http.GetFromJsonAsync("/api/builds", ApiJson.TypeInfo<ApiPage<ApiBuild>>()))!.Items;

        Assert.Equal(2, spans.Count);
        Assert.Equal(spans.Select(s => s.TraceId), builds.Select(b => b.TraceId));
        Assert.Equal([("check", "failure", 3L), ("check", "success", 0L)], builds.Select(b => (b.Name, b.Result, b.ExitCode!.Value)));
        for (var i = 0; i < spans.Count; i++)
        {
            Assert.Equal(spans[i].Duration, builds[i].Duration);
            Assert.Equal(Convert.ToDouble(ExecRecords.Attribute(spans[i], ExecSemantics.CpuTimeSeconds), CultureInfo.InvariantCulture), builds[i].CpuTime!.Value.TotalSeconds, 6);
            Assert.Equal(Convert.ToInt64(ExecRecords.Attribute(spans[i], ExecSemantics.PeakMemoryBytes), CultureInfo.InvariantCulture), builds[i].PeakMemoryBytes);
            Assert.Equal(ExecSemantics.DefaultServiceName, builds[i].ServiceName);
        }

        // The second run against the first: the median of one run is that run.
        Assert.Equal((1, spans[1].Duration), (builds[0].Baseline!.Runs, builds[0].Baseline!.Median));
        Assert.Equal(spans[0].Duration > spans[1].Duration * 1.2, builds[0].Regressed);
        Assert.Null(builds[1].Baseline);
    }
}
