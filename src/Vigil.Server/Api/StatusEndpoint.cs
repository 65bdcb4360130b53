using Vigil.Api.Contracts.V1;
using Vigil.Server.Usage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/status</c>: how much room the server's store takes and how fast it grows, its disk's free space, the
/// disk guard's floor and the time until it, and retention's settings and last run: what <c>vigil status</c> shows
/// for a store file, measured by the same <see cref="StoreStatus"/>, through <see cref="StoreStatusSampler"/> so that
/// frequent requests share one scan. No parameters.
/// </summary>
internal static class StatusEndpoint
{
    public static Task<IResult> GetAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        _ = new QueryParameters(context.Request.Query, ApiResults.Now(context));

        // Registered for a store file only: a PostgreSQL database's disk is the database server's, out of this
        // process's sight (ApiResults answers 501).
        var sampler = context.RequestServices.GetService<StoreStatusSampler>()
            ?? throw new NotSupportedException("this server's store is a database: its size and disk are the database server's to report (a store file's status is measured here)");
        var status = await sampler.ReadAsync(context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(status.ToApi(), ApiJson.TypeInfo<ApiStoreStatus>());
    });
}
