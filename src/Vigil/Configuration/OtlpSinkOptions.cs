using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>The OTLP exporter to any collector (configuration section <c>Otlp</c>).</summary>
public sealed class OtlpSinkOptions
{
    /// <summary>
    /// Whether logs, spans and metrics are exported over OTLP. Default: <see langword="false"/>,
    /// but setting <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> turns it on.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The collector's address. For gRPC the whole address (default <c>http://localhost:4317</c>);
    /// for HTTP the base address, to which <c>/v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c> are appended
    /// (default <c>http://localhost:4318</c>).
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>gRPC or HTTP/protobuf. Default: <see cref="OtlpProtocol.Grpc"/>.</summary>
    public OtlpProtocol Protocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>Headers sent with every export, e.g. an API key: <c>key1=value1,key2=value2</c>.</summary>
    public string? Headers { get; set; }

    /// <summary>How long one export may take. Default: 10 seconds.</summary>
    [Range(1, 600_000)]
    public int TimeoutMilliseconds { get; set; } = 10_000;
}
