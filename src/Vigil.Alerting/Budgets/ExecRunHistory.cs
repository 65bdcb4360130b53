using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Builds;

namespace Vigil.Alerting.Budgets;

/// <summary>
/// Reads the recorded runs budgets judge back from a store or a server, newest first: <c>vigil exec</c> runs, and the
/// MSBuild logger's builds and projects, tracked operations and other spans when a budget asks for them.
/// </summary>
internal static class ExecRunHistory
{
    /// <summary>How many traces are read at most: enough for any budget's window of recent runs.</summary>
    public const int MaxTraces = 1000;

    /// <summary>The runs every budget of <paramref name="budgets"/> needs, newest first.</summary>
    public static async Task<IReadOnlyList<ExecRun>> ReadAsync(ITelemetryReader store, IReadOnlyList<BudgetDefinition> budgets, string execService, CancellationToken cancellationToken)
    {
        var services = new HashSet<string?>();
        foreach (var budget in budgets)
        {
            switch (budget.Kind)
            {
                case BudgetKind.Command:
                    services.Add(execService);
                    break;
                case BudgetKind.Build or BudgetKind.Project:
                    services.Add(execService);
                    services.Add(MSBuildSemantics.DefaultServiceName);
                    break;
                default:
                    services.Add(budget.Service);
                    break;
            }
        }

        // A null service (an operation or span budget without one) reads every trace, up to the limit.
        var traceIds = new List<string>();
        foreach (var service in services.Contains(null) ? [null] : services)
        {
            var traces = await store.QueryTracesAsync(new TraceQuery { ServiceName = service, Limit = MaxTraces }, cancellationToken).ConfigureAwait(false);
            traceIds.AddRange(traces.Select(t => t.TraceId));
        }

        var runs = new List<ExecRun>();
        foreach (var traceId in traceIds.Distinct(StringComparer.Ordinal))
        {
            var spans = await store.GetTraceAsync(traceId, cancellationToken).ConfigureAwait(false);
            var exec = spans.FirstOrDefault(s => s.Scope.Name == ExecSemantics.InstrumentationName);
            var branch = exec is null ? null : SpanAttribute.Text(exec, ExecSemantics.Branch);
            foreach (var span in spans)
            {
                runs.AddRange(KindsOf(span, branch));
            }
        }

        return [.. runs.OrderByDescending(r => r.StartTime)];
    }

    // A span as each kind of budget sees it; every span is a Span run too, so "span" budgets reach any of them.
    private static IEnumerable<ExecRun> KindsOf(SpanEntry span, string? branch)
    {
        var failed = span.StatusCode == SpanStatusCode.Error;
        var service = span.Resource.ServiceName;
        if (span.Scope.Name == ExecSemantics.InstrumentationName && FromSpan(span) is { } command)
        {
            yield return command with { Service = service };
        }
        else if (span.Scope.Name == MSBuildSemantics.InstrumentationName)
        {
            switch (SpanAttribute.Text(span, MSBuildSemantics.Kind))
            {
                case MSBuildSemantics.BuildKind:
                    yield return new ExecRun(span.TraceId, Path.GetFileName(SpanAttribute.Text(span, MSBuildSemantics.ProjectFile) ?? span.Name), span.StartTime, span.Duration, failed, null, null, branch, BudgetKind.Build, service);
                    break;
                case MSBuildSemantics.ProjectKind:
                    yield return new ExecRun(span.TraceId, span.Name, span.StartTime, span.Duration, failed, null, null, branch, BudgetKind.Project, service);
                    break;
            }
        }
        else if (span.Scope.Name == OperationSemantics.InstrumentationName && SpanAttribute.Value(span, OperationSemantics.Outcome) is not null)
        {
            yield return new ExecRun(span.TraceId, span.Name, span.StartTime, span.Duration, failed, null, null, branch, BudgetKind.Operation, service);
        }

        yield return new ExecRun(span.TraceId, span.Name, span.StartTime, span.Duration, failed, null, null, branch, BudgetKind.Span, service);
    }

    /// <summary>The run a span records, or <see langword="null"/> when it lacks the task name.</summary>
    internal static ExecRun? FromSpan(SpanEntry span)
    {
        if (SpanAttribute.Text(span, ExecSemantics.TaskName) is not { } name)
        {
            return null;
        }

        return new ExecRun(
            span.TraceId,
            name,
            span.StartTime,
            span.Duration,
            SpanAttribute.Text(span, ExecSemantics.TaskResult) != ExecSemantics.Success,
            SpanAttribute.WholeNumber(span, ExecSemantics.PeakMemoryBytes),
            SpanAttribute.WholeNumber(span, ExecSemantics.OutputBytes),
            SpanAttribute.Text(span, ExecSemantics.Branch));
    }
}
