using System.Buffers;
using Google.Protobuf;
using Microsoft.Net.Http.Headers;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Proto.Rpc;

namespace Vigil.Server.Otlp.Http;

/// <summary>
/// OTLP/HTTP: checks the content type and encoding, reads the body within the limit, parses protobuf
/// or JSON, then calls the one ingest path. Errors carry a google.rpc.Status in the request's encoding.
/// </summary>
internal static class OtlpHttpHandler
{
    private const string ProtobufContentType = "application/x-protobuf";
    private const string JsonContentType = "application/json";

    // How long a refused sender should wait; the queue usually drains within one commit.
    internal const int RetryAfterSeconds = 1;

    public static async Task HandleAsync<TRequest>(HttpContext context, OtlpHttpSignal<TRequest> signal, long maxRequestBodyBytes)
        where TRequest : IMessage<TRequest>, new()
    {
        var ingest = context.RequestServices.GetRequiredService<OtlpIngestService>();
        var encoding = AnswerEncoding(context.Request);
        try
        {
            encoding = ChooseEncoding(context.Request);
            var gzip = IsGzip(context.Request);
            var memory = context.Features.Get<IngestMemoryLease>();
            TRequest request;
            using (var body = await OtlpBodyReader.ReadAsync(context.Request, gzip, maxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false))
            {
                // The middleware reserved memory for the largest body when it could not know this one's size.
                memory?.ShrinkTo(body.Length);
                request = encoding == OtlpEncoding.Json ? OtlpJson.Parse<TRequest>(body.Bytes.ToArray()) : ParseProtobuf(signal.Parser, body.Bytes);
            }

            var result = await ingest.IngestAsync(signal.Signal, signal.Map(request), memory, context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context, StatusCodes.Status200OK, encoding, signal.Respond(result)).ConfigureAwait(false);
        }
        catch (OtlpHttpException e)
        {
            context.RequestServices.GetRequiredService<OtlpRefusals>().Record(context, OtlpTransport.Http, e.Reason, e.Message);
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await WriteErrorAsync(context, e.StatusCode, encoding, e.Message).ConfigureAwait(false);
            }
        }
        catch (IngestRefusedException e) when (e.IsDiskFull)
        {
            await WriteErrorAsync(context, StatusCodes.Status507InsufficientStorage, encoding, e.Message).ConfigureAwait(false);
        }
        catch (IngestRefusedException e)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, encoding, e.Message).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Answers a request refused before it reached a receiver (a missing API key) as the specification asks of every
    /// 4xx and 5xx: a google.rpc.Status in the request's encoding (<see cref="AnswerEncoding"/>).
    /// </summary>
    public static Task WriteRefusalAsync(HttpContext context, int statusCode, string message)
    {
        context.RequestServices.GetRequiredService<OtlpRefusals>().Record(context, OtlpTransport.Http, OtlpRefusalReason.Unauthenticated, message);
        return WriteErrorAsync(context, statusCode, AnswerEncoding(context.Request), message);
    }

    /// <summary>A refusal that is the server's choice, not the sender's fault (a read-only instance): answered, not counted.</summary>
    public static Task WriteStatusAsync(HttpContext context, int statusCode, string message) =>
        WriteErrorAsync(context, statusCode, AnswerEncoding(context.Request), message);

    // The encoding of every answer: the request's, and JSON when the request's is neither (a text/plain sender can
    // read JSON; it cannot read protobuf).
    private static OtlpEncoding AnswerEncoding(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && mediaType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase)
            ? OtlpEncoding.Protobuf
            : OtlpEncoding.Json;

    private static OtlpEncoding ChooseEncoding(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            if (mediaType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase))
            {
                return OtlpEncoding.Protobuf;
            }

            if (mediaType.MediaType.Equals(JsonContentType, StringComparison.OrdinalIgnoreCase))
            {
                return OtlpEncoding.Json;
            }
        }

        throw new OtlpHttpException(StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported; use {ProtobufContentType} or {JsonContentType}.");
    }

    internal static bool IsGzip(HttpRequest request)
    {
        var contentEncoding = request.Headers.ContentEncoding.ToString();
        if (contentEncoding.Length == 0 || contentEncoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentEncoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        throw new OtlpHttpException(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{contentEncoding}' is not supported; use gzip or none.");
    }

    internal static TRequest ParseProtobuf<TRequest>(MessageParser<TRequest> parser, ReadOnlySequence<byte> body)
        where TRequest : IMessage<TRequest>
    {
        try
        {
            return parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OtlpHttpException(StatusCodes.Status400BadRequest, OtlpDecodeErrors.Protobuf(e), e);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int statusCode, OtlpEncoding encoding, string message) =>
        WriteAsync(context, statusCode, encoding, new Status { Code = GrpcCodeFor(statusCode), Message = message });

    // The google.rpc.Status code that matches the HTTP status (google/rpc/code.proto).
    private static int GrpcCodeFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => 3, // INVALID_ARGUMENT
        StatusCodes.Status401Unauthorized => 16, // UNAUTHENTICATED
        StatusCodes.Status413PayloadTooLarge => 8, // RESOURCE_EXHAUSTED
        StatusCodes.Status415UnsupportedMediaType => 3,
        StatusCodes.Status503ServiceUnavailable => 14, // UNAVAILABLE
        _ => 2, // UNKNOWN
    };

    private static async Task WriteAsync(HttpContext context, int statusCode, OtlpEncoding encoding, IMessage message)
    {
        context.Response.StatusCode = statusCode;
        if (encoding == OtlpEncoding.Json)
        {
            context.Response.ContentType = JsonContentType;
            await context.Response.WriteAsync(JsonFormatter.Default.Format(message), context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            context.Response.ContentType = ProtobufContentType;
            await context.Response.Body.WriteAsync(message.ToByteArray(), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
