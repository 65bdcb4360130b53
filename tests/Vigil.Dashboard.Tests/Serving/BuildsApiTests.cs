using System.Net;
using System.Net.Http.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Serving;

/// <summary>
/// <c>GET /api/builds</c> and <c>/api/builds/{id}</c> over recorded runs: each figure against what was written, each
/// baseline and regression worked out by hand from the durations (the median of up to nine earlier runs, +20 %).
/// </summary>
public sealed class BuildsApiTests
{
    [Fact]
    public async Task List_EveryRun_NewestFirstWithItsRecordedFigures()
    {
        await using var server = await DashboardServer.StartAsync();
        var t0 = await BuildHistoryData.WriteAsync(server);

        var page = await ListAsync(server, "");

        // 12 + 2 + 1 runs; the span that is no build is not one.
        Assert.Equal(15, page.Items.Count);
        Assert.Equal(page.Items.OrderByDescending(b => b.StartTime).Select(b => b.TraceId), page.Items.Select(b => b.TraceId));
        Assert.DoesNotContain(page.Items, b => b.TraceId == BuildHistoryData.NotABuildTraceId);
        var build = page.Items[0];
        Assert.Equal(("dotnet build", "vigil-exec", "success", 0L), (build.Name, build.ServiceName, build.Result, build.ExitCode));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(14.25), 512L * 1024 * 1024), (build.Duration, build.CpuTime, build.PeakMemoryBytes));
        Assert.Equal(t0.AddMinutes(15), build.StartTime);
        Assert.Equal(("main", "0123456789abcdef0123456789abcdef01234567"), (build.Branch, build.Commit));
        var lint = page.Items[1];
        Assert.Equal((BuildHistoryData.LintFailedTraceId, "failure", 2L, true), (lint.TraceId, lint.Result, lint.ExitCode, lint.Regressed));
        Assert.Equal((1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.4)), (lint.Baseline!.Runs, lint.Baseline.Median, lint.Baseline.Limit));
        Assert.Null(lint.CpuTime);
        Assert.Null(lint.Branch);
    }

    [Fact]
    public async Task List_OneTask_EachRunJudgedAgainstUpToNineBeforeIt()
    {
        await using var server = await DashboardServer.StartAsync();
        await BuildHistoryData.WriteAsync(server);

        var runs = (await ListAsync(server, "?task=dotnet%20test")).Items.Reverse().ToList();

        Assert.Equal(BuildHistoryData.TestSeconds, runs.Select(r => r.Duration.TotalSeconds));
        // Oldest: nothing before it. Second: 12 s against 10 s + 20 % = 12 s, not over. Newest: 30 s against the nine
        // before (11 13 10 12 11 13 10 12 11: median 11 s, limit 13.2 s), over. The one before it: median 12 s.
        Assert.Null(runs[0].Baseline);
        Assert.Equal((1, 10.0, 12.0, false), Judged(runs[1]));
        Assert.Equal((9, 12.0, 14.4, false), Judged(runs[10]));
        Assert.Equal((9, 11.0, 13.2, true), Judged(runs[11]));
        Assert.Equal([11], runs.Select((r, i) => (r, i)).Where(x => x.r.Regressed).Select(x => x.i));
        Assert.All(runs.Skip(1), r => Assert.Equal(20, r.Baseline!.Percent));
    }

    [Fact]
    public async Task List_FilteredAndLimited_StillJudgedAgainstRunsOutsideTheList()
    {
        await using var server = await DashboardServer.StartAsync();
        var t0 = await BuildHistoryData.WriteAsync(server);

        var failed = await ListAsync(server, "?failed=true");
        var newestTest = Assert.Single((await ListAsync(server, "?task=dotnet%20test&limit=1")).Items);
        var recent = await ListAsync(server, $"?since={Uri.EscapeDataString(t0.AddMinutes(13).ToString("O"))}");
        var older = await ListAsync(server, $"?until={Uri.EscapeDataString(t0.AddMinutes(2).ToString("O"))}");
        var none = await ListAsync(server, "?task=cargo%20build");

        Assert.Equal(BuildHistoryData.LintFailedTraceId, Assert.Single(failed.Items).TraceId);
        Assert.Equal((BuildHistoryData.TestTraceId(11), 9, true), (newestTest.TraceId, newestTest.Baseline!.Runs, newestTest.Regressed));
        Assert.Equal(["dotnet build", "make lint", "make lint"], recent.Items.Select(b => b.Name));
        Assert.Equal([BuildHistoryData.TestTraceId(1), BuildHistoryData.TestTraceId(0)], older.Items.Select(b => b.TraceId));
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task Detail_Build_ProjectsAndTargetsByOwnTimeAndItsBaseline()
    {
        await using var server = await DashboardServer.StartAsync();
        await BuildHistoryData.WriteAsync(server);

        var detail = await server.Client.GetFromJsonAsync($"/api/builds/{BuildHistoryData.BuildTraceId}", ApiJson.TypeInfo<ApiBuildDetail>()).DefaultTimeout();
        var newestTest = await server.Client.GetFromJsonAsync($"/api/builds/{BuildHistoryData.TestTraceId(11)}", ApiJson.TypeInfo<ApiBuildDetail>()).DefaultTimeout();

        // BuildBreakdownTests' case: App 8 s minus Lib's union 2-6.5 s; Lib's two spans 4 s + 2.5 s.
        Assert.NotNull(detail);
        Assert.Equal([("Lib.csproj", 6.5, 6.5, 2), ("App.csproj", 3.5, 8.0, 1)], detail.Projects.Select(p => (p.Project, p.Self.TotalSeconds, p.Wall.TotalSeconds, p.Spans)));
        Assert.Equal(
            [("Lib.csproj", "CoreCompile", 2.0), ("App.csproj", "CoreCompile", 1.0), ("App.csproj", "ResolveProjectReferences", 0.5)],
            detail.Targets.Select(t => (t.Project, t.Target!, Math.Round(t.Self.TotalSeconds, 6))));
        Assert.Null(detail.Build.Baseline);
        Assert.Equal((9, TimeSpan.FromSeconds(11), true), (newestTest!.Build.Baseline!.Runs, newestTest.Build.Baseline.Median, newestTest.Build.Regressed));
        Assert.Empty(newestTest.Projects);
    }

    [Fact]
    public async Task Detail_NoSuchBuild_Is404()
    {
        await using var server = await DashboardServer.StartAsync();
        await BuildHistoryData.WriteAsync(server);

        using var notABuild = await server.Client.GetAsync(new Uri($"/api/builds/{BuildHistoryData.NotABuildTraceId}", UriKind.Relative)).DefaultTimeout();
        using var unknown = await server.Client.GetAsync(new Uri($"/api/builds/{Some.TraceId(0xdead)}", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, notABuild.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/api/builds?limit=0", "limit")]
    [InlineData("/api/builds?failed=maybe", "failed")]
    [InlineData("/api/builds?since=yesterday", "since")]
    [InlineData("/api/builds/xyz", "traceId")]
    public async Task Get_BadParameter_Is400NamingIt(string path, string parameter)
    {
        await using var server = await DashboardServer.StartAsync();
        await Problems.AssertBadParameterAsync(server, path, parameter);
    }

    private static async Task<ApiPage<ApiBuild>> ListAsync(DashboardServer server, string query) =>
        (await server.Client.GetFromJsonAsync($"/api/builds{query}", ApiJson.TypeInfo<ApiPage<ApiBuild>>()).DefaultTimeout())!;

    private static (int Runs, double Median, double Limit, bool Regressed) Judged(ApiBuild build) =>
        (build.Baseline!.Runs, build.Baseline.Median.TotalSeconds, Math.Round(build.Baseline.Limit.TotalSeconds, 6), build.Regressed);
}
