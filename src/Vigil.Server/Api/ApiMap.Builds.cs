using Vigil.Api.Contracts.V1;
using Vigil.Storage.Builds;

namespace Vigil.Server.Api;

/// <summary>Builds read back from their traces (<see cref="BuildBreakdown"/>) as the API's contract types.</summary>
internal static partial class ApiMap
{
    public static ApiBuild ToApi(this BuildRecord build, BuildBaselines.Baseline? baseline) => new()
    {
        TraceId = build.TraceId,
        Name = build.Name,
        ServiceName = build.Service,
        StartTime = build.StartTime,
        Duration = build.Duration,
        Result = build.Result,
        ExitCode = build.ExitCode,
        CpuTime = build.CpuTime,
        PeakMemoryBytes = build.PeakMemoryBytes,
        Branch = build.Branch,
        Commit = build.Commit,
        Baseline = baseline is null ? null : new ApiBuildBaseline
        {
            Runs = baseline.Runs,
            Median = FromSeconds(baseline.MedianSeconds),
            Percent = MedianRegression.DefaultPercent,
            Limit = FromSeconds(baseline.LimitSeconds),
        },
        Regressed = baseline?.Regressed ?? false,
    };

    public static ApiBuildPart ToApi(this BuildPart part) => new()
    {
        Project = part.Project,
        Target = part.Target,
        Self = part.Self,
        Wall = part.Wall,
        Spans = part.Spans,
        FirstStart = part.FirstStart,
        LastEnd = part.LastEnd,
    };

    // The judgement works in seconds (doubles); back to the nearest tick, so the median of one run is that run's
    // duration exactly, rather than a tick short (TimeSpan.FromSeconds truncates).
    private static TimeSpan FromSeconds(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
