using Vigil.Api.Contracts.V1;
using Vigil.Storage;
using Vigil.Storage.Builds;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/builds</c> and <c>GET /api/builds/{traceId}</c>: the builds and <c>vigil exec</c> commands recorded
/// under <c>vigil-exec</c> and <c>msbuild</c>, read back as <c>vigil builds</c> reads them (<see cref="BuildHistory"/>),
/// each judged against the earlier runs of its task (<see cref="BuildBaselines"/>).
/// </summary>
internal static class BuildsEndpoints
{
    /// <summary>The builds a list returns when <c>limit</c> is absent.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The most builds one list returns.</summary>
    public const int MaxLimit = 500;

    /// <summary>
    /// The most traces of each build service read per request: what a list is picked from and judged against. A trace
    /// is read only while the list or a listed run's baseline still needs one.
    /// </summary>
    public const int MaxTraces = 1000;

    public static Task<IResult> ListAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.Builds.All);
        var task = p.Text(ApiQueryParameters.Builds.Task);
        var failed = p.Bool(ApiQueryParameters.Builds.Failed);
        var since = p.Time(ApiQueryParameters.Builds.Since);
        var until = p.Time(ApiQueryParameters.Builds.Until);
        var limit = p.Int(ApiQueryParameters.Builds.Limit, DefaultLimit, 1, MaxLimit);
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();

        var baselines = new BuildBaselines();
        var listed = new List<BuildRecord>();
        var unjudged = new List<BuildRecord>();
        await foreach (var build in BuildHistory.ReadEachAsync(store, BuildHistory.DefaultServices, MaxTraces, until, context.RequestAborted).ConfigureAwait(false))
        {
            baselines.Add(build);
            var inRange = since is null || build.StartTime >= since;
            if (inRange && listed.Count < limit && (task is null || build.Name == task) && (!failed || build.Failed))
            {
                listed.Add(build);
                unjudged.Add(build);
            }

            // Past the list (full, or older than the range) only the listed runs' baselines need more runs.
            unjudged.RemoveAll(baselines.IsComplete);
            if ((listed.Count == limit || !inRange) && unjudged.Count == 0)
            {
                break;
            }
        }

        return ApiResults.Json(new ApiPage<ApiBuild> { Items = [.. listed.Select(b => b.ToApi(baselines.Judge(b)))] }, ApiJson.TypeInfo<ApiPage<ApiBuild>>());
    });

    public static Task<IResult> GetAsync(HttpContext context, string traceId) => ApiResults.RunAsync(async () =>
    {
        _ = new QueryParameters(context.Request.Query, ApiResults.Now(context));
        var id = ApiParse.TraceId("traceId", traceId)!;
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        if (await BuildHistory.ReadOneAsync(store, id, context.RequestAborted).ConfigureAwait(false) is not { } build)
        {
            return ApiResults.NotFound($"no build or vigil exec command recorded as trace {id}");
        }

        var baselines = new BuildBaselines();
        baselines.Add(build);
        await foreach (var earlier in BuildHistory.ReadEachAsync(store, BuildHistory.DefaultServices, MaxTraces, build.StartTime, context.RequestAborted).ConfigureAwait(false))
        {
            if (baselines.IsComplete(build))
            {
                break;
            }

            if (earlier.TraceId != build.TraceId && earlier.StartTime < build.StartTime)
            {
                baselines.Add(earlier);
            }
        }

        return ApiResults.Json(
            new ApiBuildDetail
            {
                Build = build.ToApi(baselines.Judge(build)),
                Projects = [.. build.SlowestProjects.Select(p => p.ToApi())],
                Targets = [.. build.Targets.OrderByDescending(t => t.Self).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => t.ToApi())],
            },
            ApiJson.TypeInfo<ApiBuildDetail>());
    });
}
