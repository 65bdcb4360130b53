using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Vigil.Server.Dialects;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Http;

namespace Vigil.Server.Hosting;

/// <summary>
/// Reserves an export request's share of the <see cref="IngestMemoryBudget"/> before its body is read and decoded, on
/// both OTLP listeners: gRPC decodes the message before any service code runs, so this is the one place both receivers
/// pass first. The estimate is the body's length when it is known (HTTP Content-Length without gzip, the gRPC message's
/// length prefix when not compressed), else the largest body allowed; the receivers shrink it once they know.
/// A request that finds no room within the wait is refused as retryable: 503 with Retry-After, or UNAVAILABLE.
/// </summary>
internal sealed class IngestMemoryMiddleware(RequestDelegate next, VigilListeners listeners, IngestMemoryBudget budget)
{
    // The gRPC length-prefixed message: a compressed flag byte, then the length as a big-endian uint32.
    private const int GrpcPrefixBytes = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        var listener = listeners.Identify(context);
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint() is null
            || listener is not (VigilServerListener.OtlpGrpc or VigilServerListener.OtlpHttp) || DialectEndpointMetadata.Marks(context))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        IngestMemoryLease lease;
        try
        {
            var wireBytes = listener == VigilServerListener.OtlpGrpc ? await GrpcMessageBytesAsync(context.Request).ConfigureAwait(false) : HttpBodyBytes(context.Request);
            lease = await budget.AcquireAsync(wireBytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The sender hung up while waiting; there is no one to answer.
            return;
        }
        catch (IngestRefusedException e)
        {
            await RefuseAsync(context, listener.Value, e.Message).ConfigureAwait(false);
            return;
        }

        using (lease)
        {
            context.Features.Set(lease);
            await next(context).ConfigureAwait(false);
        }
    }

    private static long? HttpBodyBytes(HttpRequest request)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        var compressed = encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase);
        return compressed ? null : request.ContentLength;
    }

    private static async Task<long?> GrpcMessageBytesAsync(HttpRequest request)
    {
        // Looks at the prefix without consuming it: the gRPC handler reads the message from the start.
        var result = await request.BodyReader.ReadAtLeastAsync(GrpcPrefixBytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var length = ReadPrefix(result.Buffer);
        request.BodyReader.AdvanceTo(result.Buffer.Start);
        return length;
    }

    private static long? ReadPrefix(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < GrpcPrefixBytes)
        {
            return null;
        }

        Span<byte> prefix = stackalloc byte[GrpcPrefixBytes];
        buffer.Slice(0, GrpcPrefixBytes).CopyTo(prefix);
        return prefix[0] == 0 ? BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]) : null;
    }

    private static async Task RefuseAsync(HttpContext context, VigilServerListener listener, string message)
    {
        if (listener == VigilServerListener.OtlpHttp)
        {
            // An HTTP/1.1 sender still writing its body would otherwise see the connection reset, not the 503.
            // Discarding the body costs no memory; Kestrel's body size limit bounds it.
            await DiscardBodyAsync(context).ConfigureAwait(false);
            context.Response.Headers.RetryAfter = OtlpHttpHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await OtlpHttpHandler.WriteRefusalAsync(context, StatusCodes.Status503ServiceUnavailable, message).ConfigureAwait(false);
            return;
        }

        // A trailers-only gRPC answer: UNAVAILABLE, the code OTLP senders retry with backoff.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = "14";
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    private static async Task DiscardBodyAsync(HttpContext context)
    {
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // Too large, too slow or gone: the answer is still the refusal.
        }
    }
}
