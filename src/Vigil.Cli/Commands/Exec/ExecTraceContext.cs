using System.Diagnostics;
using Vigil.Tracing;

namespace Vigil.Cli.Commands.Exec;

/// <summary>The child's environment: vigil's own, with <c>TRACEPARENT</c> and <c>TRACESTATE</c> naming the run's span.</summary>
internal static class ExecTraceContext
{
    /// <summary>
    /// <paramref name="environment"/> with the run's span as the child's parent; unchanged when nothing is recorded,
    /// so a trace vigil was started in still reaches the child. <c>BAGGAGE</c> passes through as it came.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ForChild(IReadOnlyDictionary<string, string?> environment, Activity? span)
    {
        if (span is null)
        {
            return environment;
        }

        var child = new Dictionary<string, string?>(environment, StringComparer.Ordinal)
        {
            [EnvironmentTraceContext.TraceParentVariable] = EnvironmentTraceContext.TraceParentOf(span),
            [EnvironmentTraceContext.TraceStateVariable] = string.IsNullOrEmpty(span.TraceStateString) ? null : span.TraceStateString,
        };
        return child;
    }
}
