using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Vigil.Server.Ingest;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>
/// Records every refused OTLP/gRPC call in one place, from the status it ended with: the refusals of this server
/// (a bomb, bad protobuf, a missing key) and those Grpc.AspNetCore makes itself before a service runs (a message
/// over the limit as sent, an unknown encoding, a cut-off frame), which it logs only at information level. It also
/// leaves the size of a gRPC call to gRPC's own message limit (see below). It runs on the OTLP/gRPC listener only,
/// where the host puts it (VigilServerApplication): a receiver does not know the server's listeners.
/// </summary>
internal sealed class OtlpGrpcRefusalMiddleware(RequestDelegate next, OtlpRefusals refusals)
{
    private const string StatusHeader = "grpc-status";
    private const string MessageHeader = "grpc-message";

    public async Task InvokeAsync(HttpContext context)
    {
        // Kestrel's body limit (the same number) would cut a message over the limit off mid-read, which gRPC answers
        // UNKNOWN. gRPC bounds the call itself: a message whose header states more than MaxReceiveMessageSize is
        // refused with RESOURCE_EXHAUSTED before its body is read, and anything after the one message is refused too.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        await next(context).ConfigureAwait(false);

        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            refusals.Record(context, OtlpTransport.Grpc, OtlpRefusalReason.Unauthenticated, "the API key is missing or wrong.");
            return;
        }

        // A call that fails before its response starts carries its status in the headers ("Trailers-Only").
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var status = First(context.Response.Headers, trailers, StatusHeader);
        if (!int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || OtlpGrpcStatus.ReasonFor((StatusCode)code) is not { } reason)
        {
            return;
        }

        var message = Uri.UnescapeDataString(First(context.Response.Headers, trailers, MessageHeader));
        refusals.Record(context, OtlpTransport.Grpc, reason, $"{(StatusCode)code}: {message}");
    }

    private static string First(IHeaderDictionary headers, IHeaderDictionary? trailers, string name) =>
        headers.TryGetValue(name, out var value) || (trailers?.TryGetValue(name, out value) ?? false) ? value.ToString() : string.Empty;
}
