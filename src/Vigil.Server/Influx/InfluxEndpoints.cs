using Vigil.Server.Dialects;

namespace Vigil.Server.Influx;

/// <summary>
/// Maps the InfluxDB write paths on the OTLP/HTTP port: <c>POST /write</c> (1.x: <c>db</c>, <c>rp</c>, <c>u</c>,
/// <c>p</c>, <c>precision</c>) and <c>POST /api/v2/write</c> (2.x and 3.x: <c>org</c>, <c>bucket</c>,
/// <c>precision</c>). Database, bucket and organisation are accepted and not used: Vigil has one store.
/// </summary>
internal static class InfluxEndpoints
{
    public static IEndpointRouteBuilder MapInflux(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/write", context => InfluxHandler.HandleAsync(context, InfluxApiVersion.V1)).WithMetadata(DialectEndpointMetadata.Instance);
        endpoints.MapPost("/api/v2/write", context => InfluxHandler.HandleAsync(context, InfluxApiVersion.V2)).WithMetadata(DialectEndpointMetadata.Instance);
        return endpoints;
    }
}
