using Vigil.MSBuild;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Cli.Commands.Semantics;

namespace Vigil.Cli.Commands.Builds;

/// <summary>Reads recorded builds and commands back from a store or a server (any <see cref="IQueryStore"/>), newest first.</summary>
internal static class BuildHistory
{
    /// <summary>The service names builds are recorded under by default: <c>vigil exec</c>'s and the MSBuild logger's.</summary>
    public static readonly string[] DefaultServices = [ExecSemantics.DefaultServiceName, MSBuildSemantics.DefaultServiceName];

    /// <summary>The <paramref name="limit"/> most recent builds and commands recorded under <paramref name="services"/>.</summary>
    public static async Task<IReadOnlyList<BuildRecord>> ReadAsync(IQueryStore store, IReadOnlyList<string> services, int limit, CancellationToken cancellationToken)
    {
        var traces = new List<TraceSummary>();
        foreach (var service in services.Distinct(StringComparer.Ordinal))
        {
            traces.AddRange(await store.QueryTracesAsync(new TraceQuery { ServiceName = service, Limit = limit }, cancellationToken).ConfigureAwait(false));
        }

        var builds = new List<BuildRecord>();
        foreach (var trace in traces.DistinctBy(t => t.TraceId).OrderByDescending(t => t.StartTime))
        {
            if (builds.Count == limit)
            {
                break;
            }

            if (await ReadOneAsync(store, trace.TraceId, cancellationToken).ConfigureAwait(false) is { } build)
            {
                builds.Add(build);
            }
        }

        return builds;
    }

    /// <summary>The build or command of one trace, or null when the trace records neither.</summary>
    public static async Task<BuildRecord?> ReadOneAsync(IQueryStore store, string traceId, CancellationToken cancellationToken) =>
        BuildBreakdown.FromTrace(await store.GetTraceAsync(traceId, cancellationToken).ConfigureAwait(false));
}
