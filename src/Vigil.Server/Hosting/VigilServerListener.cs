namespace Vigil.Server.Hosting;

/// <summary>What a listener serves.</summary>
public enum VigilServerListener
{
    /// <summary>OTLP over gRPC (HTTP/2 cleartext).</summary>
    OtlpGrpc,

    /// <summary>OTLP over HTTP (<c>/v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>).</summary>
    OtlpHttp,

    /// <summary>The query API, <c>/metrics</c> and health.</summary>
    Query,
}
