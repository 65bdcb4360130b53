using System.Globalization;
using Vigil.Cli.Commands.Exec;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Budgets;

/// <summary>Reads the recorded <c>vigil exec</c> runs back from a store or a server, newest first.</summary>
internal static class ExecRunHistory
{
    /// <summary>How many traces are read at most: enough for any budget's window of recent runs.</summary>
    public const int MaxTraces = 1000;

    /// <summary>The runs recorded under <paramref name="serviceName"/>, newest first.</summary>
    public static async Task<IReadOnlyList<ExecRun>> ReadAsync(IQueryStore store, string serviceName, CancellationToken cancellationToken)
    {
        var runs = new List<ExecRun>();
        var traces = await store.QueryTracesAsync(new TraceQuery { ServiceName = serviceName, Limit = MaxTraces }, cancellationToken).ConfigureAwait(false);
        foreach (var trace in traces)
        {
            foreach (var span in await store.GetTraceAsync(trace.TraceId, cancellationToken).ConfigureAwait(false))
            {
                if (span.Scope.Name == ExecSemantics.InstrumentationName && FromSpan(span) is { } run)
                {
                    runs.Add(run);
                }
            }
        }

        return [.. runs.OrderByDescending(r => r.StartTime)];
    }

    /// <summary>The run a span records, or <see langword="null"/> when it lacks the task name.</summary>
    internal static ExecRun? FromSpan(SpanEntry span)
    {
        if (Text(span, ExecSemantics.TaskName) is not { } name)
        {
            return null;
        }

        return new ExecRun(
            span.TraceId,
            name,
            span.StartTime,
            span.Duration,
            Text(span, ExecSemantics.TaskResult) != ExecSemantics.Success,
            Number(span, ExecSemantics.PeakMemoryBytes),
            Number(span, ExecSemantics.OutputBytes),
            Text(span, ExecSemantics.Branch));
    }

    private static object? Value(SpanEntry span, string key)
    {
        foreach (var attribute in span.Attributes)
        {
            if (attribute.Key == key)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private static string? Text(SpanEntry span, string key) => Value(span, key) as string;

    private static long? Number(SpanEntry span, string key) => Value(span, key) switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
