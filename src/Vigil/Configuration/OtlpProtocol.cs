namespace Vigil;

/// <summary>The OTLP transport; the names follow <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.</summary>
public enum OtlpProtocol
{
    /// <summary>OTLP over gRPC (<c>grpc</c>).</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies (<c>http/protobuf</c>).</summary>
    HttpProtobuf,
}
