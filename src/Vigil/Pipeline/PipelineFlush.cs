using System.Diagnostics;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Vigil.Pipeline;

/// <summary>Flushes every signal's providers within one shared time budget: logs first, since they matter most to a dying process.</summary>
internal static class PipelineFlush
{
    public static bool Flush(LoggerProvider? logs, TracerProvider? traces, MeterProvider? metrics, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var logsFlushed = logs?.ForceFlush(Remaining(timeout, clock)) ?? true;
        var tracesFlushed = traces?.ForceFlush(Remaining(timeout, clock)) ?? true;
        var metricsFlushed = metrics?.ForceFlush(Remaining(timeout, clock)) ?? true;
        return logsFlushed && tracesFlushed && metricsFlushed;
    }

    private static int Remaining(TimeSpan timeout, Stopwatch clock) =>
        (int)Math.Clamp((timeout - clock.Elapsed).TotalMilliseconds, 0, int.MaxValue);
}
