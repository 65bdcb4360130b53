namespace Vigil.Server.Dialects;

/// <summary>
/// Marks an endpoint of a foreign ingest protocol (Sentry, InfluxDB) for the shared middleware, which lets it pass:
/// it checks its own credential (a Sentry SDK sends the DSN's key, an InfluxDB client a token; neither can send Vigil's
/// API key as OTLP does) and reserves its own ingest memory by the compressed size announced, answering a refusal in
/// its own protocol (Sentry: 429).
/// </summary>
internal sealed class DialectEndpointMetadata
{
    public static DialectEndpointMetadata Instance { get; } = new();

    public static bool Marks(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<DialectEndpointMetadata>() is not null;
}
