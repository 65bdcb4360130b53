using Vigil.Model;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>
/// A recorded history the builds tests check every figure against: twelve <c>dotnet test</c> runs a minute apart
/// (the newest a regression), two <c>make lint</c> runs (the second failed with exit 2 and regressed), one
/// <c>dotnet build</c> with its MSBuild breakdown (<see cref="SomeBuild.DotnetBuild"/>), and a trace that is no build.
/// </summary>
internal static class BuildHistoryData
{
    /// <summary>The <c>dotnet test</c> durations in seconds, oldest first.</summary>
    public static readonly double[] TestSeconds = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 11, 30];

    public static readonly string BuildTraceId = Some.TraceId(0xb1d);
    public static readonly string LintFailedTraceId = Some.TraceId(0x1172);
    public static readonly string NotABuildTraceId = Some.TraceId(0x0ff);

    /// <summary>The trace id of the <paramref name="i"/>th <c>dotnet test</c> run, oldest first.</summary>
    public static string TestTraceId(int i) => Some.TraceId(0x7e57_00 + i);

    public static async Task<DateTimeOffset> WriteAsync(DashboardServer server)
    {
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        await server.WriteAsync(new TelemetryBatch
        {
            Spans =
            [
                .. TestSeconds.Select((seconds, i) => SomeBuild.Exec(TestTraceId(i), "dotnet test", t0.AddMinutes(i), TimeSpan.FromSeconds(seconds), cpuSeconds: seconds * 1.5, peakMemoryBytes: (200 + i) * 1024L * 1024)),
                SomeBuild.Exec(Some.TraceId(0x1171), "make lint", t0.AddMinutes(13), TimeSpan.FromSeconds(2), branch: null),
                SomeBuild.Exec(LintFailedTraceId, "make lint", t0.AddMinutes(14), TimeSpan.FromSeconds(3), exitCode: 2, branch: null),
                .. SomeBuild.DotnetBuild(BuildTraceId, t0.AddMinutes(15)),
                Some.Span(NotABuildTraceId, Some.SpanId(1), null, "GET /", "orders", t0.AddMinutes(16), TimeSpan.FromMilliseconds(5)),
            ],
        });
        return t0;
    }
}
