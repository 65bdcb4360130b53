using System.Runtime.CompilerServices;
using Vigil.Model;

namespace Vigil.Storage.Builds;

/// <summary>Reads recorded builds and commands back from a store or a server (any <see cref="ITelemetryReader"/>), newest first.</summary>
internal static class BuildHistory
{
    /// <summary>The service names builds are recorded under by default: <c>vigil exec</c>'s and the MSBuild logger's.</summary>
    public static readonly string[] DefaultServices = [ExecSemantics.DefaultServiceName, MSBuildSemantics.DefaultServiceName];

    /// <summary>The <paramref name="limit"/> most recent builds and commands recorded under <paramref name="services"/>.</summary>
    public static async Task<IReadOnlyList<BuildRecord>> ReadAsync(ITelemetryReader store, IReadOnlyList<string> services, int limit, CancellationToken cancellationToken)
    {
        var builds = new List<BuildRecord>();
        await foreach (var build in ReadEachAsync(store, services, limit, null, cancellationToken).ConfigureAwait(false))
        {
            builds.Add(build);
            if (builds.Count == limit)
            {
                break;
            }
        }

        return builds;
    }

    /// <summary>
    /// The builds and commands of the newest <paramref name="traces"/> traces of each of <paramref name="services"/>
    /// that started before <paramref name="until"/> (when given), newest first. Each trace is read only when the caller
    /// asks for the next build, so a caller that has what it needs stops reading.
    /// </summary>
    public static async IAsyncEnumerable<BuildRecord> ReadEachAsync(ITelemetryReader store, IReadOnlyList<string> services, int traces, DateTimeOffset? until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var summaries = new List<TraceSummary>();
        foreach (var service in services.Distinct(StringComparer.Ordinal))
        {
            summaries.AddRange(await store.QueryTracesAsync(new TraceQuery { ServiceName = service, To = until, Limit = traces }, cancellationToken).ConfigureAwait(false));
        }

        foreach (var trace in summaries.DistinctBy(t => t.TraceId).OrderByDescending(t => t.StartTime))
        {
            if (await ReadOneAsync(store, trace.TraceId, cancellationToken).ConfigureAwait(false) is { } build)
            {
                yield return build;
            }
        }
    }

    /// <summary>The build or command of one trace, or null when the trace records neither.</summary>
    public static async Task<BuildRecord?> ReadOneAsync(ITelemetryReader store, string traceId, CancellationToken cancellationToken) =>
        BuildBreakdown.FromTrace(await store.GetTraceAsync(traceId, cancellationToken).ConfigureAwait(false));
}
