using System.Globalization;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Http;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>vigil push</c>'s side of the query API (docs/api.md "Push"), behind the same API key: <c>GET /api/push/positions</c>
/// says how far a pushing store's streams are stored, and <c>POST /api/push/{logs|traces|metrics}</c> takes one OTLP/HTTP
/// protobuf export with a <see cref="PushMark"/> in its headers, decoded and mapped exactly as <c>/v1/*</c> are, and
/// stored through the one ingest queue. The mark moves in the transaction that stores the records, so a batch is
/// stored once however often it is sent: a second copy finds the position moved and gets 409, storing nothing.
/// </summary>
internal static class PushEndpoints
{
    private const string ProtobufContentType = "application/x-protobuf";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/push/positions", (Func<HttpContext, Task<IResult>>)PositionsAsync);
        api.MapPost("/push/logs", (Func<HttpContext, Task<IResult>>)(context => PushAsync(context, OtlpHttpEndpoints.Logs)));
        api.MapPost("/push/traces", (Func<HttpContext, Task<IResult>>)(context => PushAsync(context, OtlpHttpEndpoints.Traces)));
        api.MapPost("/push/metrics", (Func<HttpContext, Task<IResult>>)(context => PushAsync(context, OtlpHttpEndpoints.Metrics)));
    }

    private static Task<IResult> PositionsAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var source = context.Request.Query[ApiPushHeaders.SourceParameter].ToString();
        if (source.Length is 0 or > PushPositions.MaxNameLength)
        {
            throw new BadParameterException($"{ApiPushHeaders.SourceParameter}: must be 1 to {PushPositions.MaxNameLength} characters");
        }

        var positions = await Target(context).ReadPushPositionsAsync(source, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPushPositions { Source = source, Positions = positions }, ApiJson.TypeInfo<ApiPushPositions>());
    });

    private static Task<IResult> PushAsync<TRequest>(HttpContext context, OtlpHttpSignal<TRequest> signal)
        where TRequest : IMessage<TRequest>, new() => ApiResults.RunAsync(async () =>
    {
        var mark = ReadMark(context.Request);
        var target = Target(context);

        // The cheap answer first: a batch that was already stored is not read, decoded or queued. The check that
        // counts is the store's own, in the batch's transaction (two copies in flight both pass this one).
        var positions = await target.ReadPushPositionsAsync(mark.Source, context.RequestAborted).ConfigureAwait(false);
        var current = positions.TryGetValue(mark.Stream, out var stored) ? stored : 0;
        if (current != mark.After)
        {
            return Conflict(context, mark, current);
        }

        if (!string.Equals(context.Request.ContentType, ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadBodyException(StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{context.Request.ContentType}' is not supported here; a push sends {ProtobufContentType}");
        }

        // Kestrel's limit is VigilServerOptions.MaxRequestBodyBytes (VigilServerApplication gives it Kestrel); null means none.
        var maxBytes = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? long.MaxValue;
        TRequest request;
        try
        {
            using var body = await OtlpBodyReader.ReadAsync(context.Request, OtlpHttpHandler.IsGzip(context.Request), maxBytes, context.RequestAborted).ConfigureAwait(false);
            request = OtlpHttpHandler.ParseProtobuf(signal.Parser, body.Bytes);
        }
        catch (OtlpHttpException e)
        {
            throw new BadBodyException(e.StatusCode, e.Message);
        }

        var mapped = signal.Map(request);
        mapped = mapped with { Batch = mapped.Batch with { PushMarks = [mark] } };
        var ingest = context.RequestServices.GetRequiredService<OtlpIngestService>();
        IngestResult result;
        try
        {
            result = await ingest.IngestAsync(signal.Signal, mapped, memory: null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (PushConflictException)
        {
            // Lost the race to another copy of this batch (or another push of this stream): nothing was stored.
            var now = await target.ReadPushPositionsAsync(mark.Source, CancellationToken.None).ConfigureAwait(false);
            return Conflict(context, mark, now.TryGetValue(mark.Stream, out var position) ? position : 0);
        }
        catch (IngestRefusedException e) when (e.IsDiskFull)
        {
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status507InsufficientStorage, title: "Ingest refused");
        }
        catch (IngestRefusedException e)
        {
            context.Response.Headers.RetryAfter = OtlpHttpHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Ingest refused");
        }

        return ApiResults.Json(
            new ApiPushResult { Accepted = result.Accepted, Rejected = result.Rejected, RejectedReason = result.ErrorMessage, Position = mark.Through },
            ApiJson.TypeInfo<ApiPushResult>());
    });

    private static IPushTarget Target(HttpContext context) =>
        context.RequestServices.GetService<IPushTarget>() ?? throw new NotSupportedException("this server's store does not take pushes");

    private static IResult Conflict(HttpContext context, PushMark mark, long position)
    {
        context.Response.Headers[ApiPushHeaders.Position] = position.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            detail: $"stream '{mark.Stream}' is at position {position} here; this batch starts after {mark.After}, so nothing was stored (continue after {position})",
            statusCode: StatusCodes.Status409Conflict,
            title: "Push position moved");
    }

    private static PushMark ReadMark(HttpRequest request)
    {
        var mark = new PushMark(
            Header(request, ApiPushHeaders.Source),
            Header(request, ApiPushHeaders.Stream),
            Position(request, ApiPushHeaders.After),
            Position(request, ApiPushHeaders.Through));
        return PushPositions.Problem(mark) is { } problem ? throw new BadBodyException(StatusCodes.Status400BadRequest, problem) : mark;
    }

    private static string Header(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return values.Count == 1 && values[0] is { Length: > 0 } value
            ? value
            : throw new BadBodyException(StatusCodes.Status400BadRequest, $"header {name}: exactly one non-empty value is required");
    }

    private static long Position(HttpRequest request, string name)
    {
        var text = Header(request, name);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BadBodyException(StatusCodes.Status400BadRequest, $"header {name}: '{Truncate(text)}' is not a non-negative whole number");
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
