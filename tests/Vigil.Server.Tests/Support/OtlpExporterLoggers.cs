using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace Vigil.Server.Tests.Support;

/// <summary>Loggers that export through the OpenTelemetry SDK's own OTLP/HTTP exporter to a server; disposing flushes.</summary>
internal static class OtlpExporterLoggers
{
    public static ILoggerFactory Create(Uri otlpHttp, string service) => LoggerFactory.Create(logging => logging.AddOpenTelemetry(otel =>
    {
        otel.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service));
        otel.AddOtlpExporter(exporter =>
        {
            exporter.Endpoint = new Uri(otlpHttp, "/v1/logs");
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
        });
    }));
}
