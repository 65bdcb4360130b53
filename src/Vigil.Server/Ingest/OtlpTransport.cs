namespace Vigil.Server.Ingest;

/// <summary>The two OTLP transports; a label on <c>/metrics</c>.</summary>
internal enum OtlpTransport
{
    Grpc,
    Http,
}
