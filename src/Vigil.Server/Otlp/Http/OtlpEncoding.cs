namespace Vigil.Server.Otlp.Http;

/// <summary>The two OTLP/HTTP body encodings; a response uses the request's.</summary>
internal enum OtlpEncoding
{
    Protobuf,
    Json,
}
