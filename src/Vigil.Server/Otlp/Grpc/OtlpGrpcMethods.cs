using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>
/// Declares the three OTLP <c>Export</c> methods to Grpc.AspNetCore, in place of the generated <c>BindService</c>,
/// so that requests are read with <see cref="OtlpGrpcMarshaller"/>: the paths and messages are the specification's.
/// </summary>
internal sealed class OtlpGrpcMethods :
    IServiceMethodProvider<OtlpGrpcTraceService>,
    IServiceMethodProvider<OtlpGrpcLogsService>,
    IServiceMethodProvider<OtlpGrpcMetricsService>
{
    private static readonly Method<ExportTraceServiceRequest, ExportTraceServiceResponse> s_traces =
        Export(TraceService.Descriptor.FullName, ExportTraceServiceRequest.Parser, ExportTraceServiceResponse.Parser);

    private static readonly Method<ExportLogsServiceRequest, ExportLogsServiceResponse> s_logs =
        Export(LogsService.Descriptor.FullName, ExportLogsServiceRequest.Parser, ExportLogsServiceResponse.Parser);

    private static readonly Method<ExportMetricsServiceRequest, ExportMetricsServiceResponse> s_metrics =
        Export(MetricsService.Descriptor.FullName, ExportMetricsServiceRequest.Parser, ExportMetricsServiceResponse.Parser);

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<OtlpGrpcTraceService> context) =>
        context.AddUnaryMethod(s_traces, [], (service, request, call) => service.ExportAsync(request, call));

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<OtlpGrpcLogsService> context) =>
        context.AddUnaryMethod(s_logs, [], (service, request, call) => service.ExportAsync(request, call));

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<OtlpGrpcMetricsService> context) =>
        context.AddUnaryMethod(s_metrics, [], (service, request, call) => service.ExportAsync(request, call));

    private static Method<TRequest, TResponse> Export<TRequest, TResponse>(string service, MessageParser<TRequest> request, MessageParser<TResponse> response)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        new(MethodType.Unary, service, "Export", OtlpGrpcMarshaller.For(request), OtlpGrpcMarshaller.For(response));
}
