using Vigil.Alerting.Slos;
using Vigil.Api.Contracts.V1;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/slos</c> and <c>GET /api/slos/{name}</c>: the SLOs in force (the rule engine's, so a reload shows at
/// once), each evaluated now against the server's own store: attainment, budget left and burn rates, as
/// <c>vigil slo</c> shows them.
/// </summary>
internal static class SlosEndpoints
{
    public static Task<IResult> ListAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.Slos.All);
        var service = p.Text(ApiQueryParameters.Slos.Service);
        var slos = Source(context).Slos.Where(slo => service is null || string.Equals(slo.Service, service, StringComparison.Ordinal));
        var items = await EvaluateAsync(context, slos).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<ApiSlo> { Items = items }, ApiJson.TypeInfo<ApiPage<ApiSlo>>());
    });

    public static Task<IResult> GetAsync(HttpContext context, string name) => ApiResults.RunAsync(async () =>
    {
        _ = new QueryParameters(context.Request.Query, ApiResults.Now(context));
        if (name.Length > QueryLimits.MaxNameLength)
        {
            throw new BadParameterException($"name: longer than {QueryLimits.MaxNameLength} characters, which no SLO's name is");
        }

        // Case-insensitive, as `vigil slo --name` matches a configuration file's SLOs.
        var slo = Source(context).Slos.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (slo is null)
        {
            return ApiResults.NotFound($"no SLO is named '{name}'; GET /api/slos lists them");
        }

        var items = await EvaluateAsync(context, [slo]).ConfigureAwait(false);
        return ApiResults.Json(items[0], ApiJson.TypeInfo<ApiSlo>());
    });

    private static async Task<IReadOnlyList<ApiSlo>> EvaluateAsync(HttpContext context, IEnumerable<SloDefinition> slos)
    {
        var evaluator = context.RequestServices.GetRequiredService<SloEvaluator>();
        var items = new List<ApiSlo>();
        foreach (var slo in slos)
        {
            var status = await evaluator.EvaluateAsync(slo, context.RequestAborted).ConfigureAwait(false);
            items.Add(status.ToApi());
        }

        return items;
    }

    private static ISloSource Source(HttpContext context) =>
        context.RequestServices.GetService<ISloSource>()
        ?? throw new NotSupportedException("this server runs no alert rule engine, so it evaluates no SLOs");
}
