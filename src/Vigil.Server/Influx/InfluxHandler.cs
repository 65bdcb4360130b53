using System.Text.Json;
using System.Text;
using Vigil.Server.Dialects;
using Vigil.Server.Ingest;

namespace Vigil.Server.Influx;

/// <summary>
/// One write: check the key and precision, read the body (gzip allowed) within the server's body limit, parse every
/// line, then hand the points to the one ingest path and answer 204 once they are durable, as InfluxDB does. A line
/// that does not parse fails the request (400, naming the line) before anything is stored; string fields, which are
/// not metric values, are left out and the answer says so (400 "partial write", as InfluxDB 1.x says of points it
/// dropped) after the numeric fields were stored. Overload is 503 with Retry-After, which InfluxDB clients retry.
/// </summary>
internal static class InfluxHandler
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task HandleAsync(HttpContext context, InfluxApiVersion version)
    {
        var services = context.RequestServices;
        var receiver = services.GetRequiredService<InfluxReceiver>();
        var cancellationToken = context.RequestAborted;
        try
        {
            if (!InfluxAuth.Allows(context.Request, receiver.ApiKey))
            {
                throw new DialectRequestException(StatusCodes.Status401Unauthorized, "unauthorized: send the server's API key as the token (Authorization: Token KEY) or the password");
            }

            var precisionText = context.Request.Query["precision"].ToString();
            if (!InfluxPrecision.TryParse(precisionText, out var nanosecondsPerUnit) || (version == InfluxApiVersion.V2 && precisionText is "n" or "u" or "m" or "h"))
            {
                throw DialectRequestException.Bad($"precision '{Shown(precisionText)}' is not one of {(version == InfluxApiVersion.V2 ? "ns, us, ms or s" : InfluxPrecision.Allowed)}");
            }

            using var memory = await services.GetRequiredService<IngestMemoryBudget>().AcquireAsync(context.Request.ContentLength, cancellationToken).ConfigureAwait(false);
            var body = await DialectBodyReader.ReadAsync(context.Request, receiver.MaxRequestBodyBytes, receiver.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
            memory.ShrinkTo(body.Length);
            string text;
            try
            {
                text = s_strictUtf8.GetString(body);
            }
            catch (DecoderFallbackException e)
            {
                throw DialectRequestException.Bad("the body is not valid UTF-8", e);
            }

            List<InfluxPoint> points;
            try
            {
                points = InfluxLineParser.Parse(text, nanosecondsPerUnit);
            }
            catch (InfluxParseException e)
            {
                throw DialectRequestException.Bad("unable to parse: " + e.Message, e);
            }

            var mapped = InfluxPointMapper.Map(points, DateTimeOffset.UtcNow);
            var result = await services.GetRequiredService<OtlpIngestService>().IngestAsync(OtlpSignal.Metrics, mapped, memory, cancellationToken).ConfigureAwait(false);
            if (result.Rejected > 0)
            {
                throw DialectRequestException.Bad($"partial write: {result.Rejected} of {result.Accepted + result.Rejected} fields not stored ({result.ErrorMessage}); {result.Accepted} were stored");
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        catch (DialectRequestException e)
        {
            await WriteErrorAsync(context, version, e.StatusCode, e.Message).ConfigureAwait(false);
        }
        catch (IngestRefusedException e) when (e.IsDiskFull)
        {
            await WriteErrorAsync(context, version, StatusCodes.Status507InsufficientStorage, e.Message).ConfigureAwait(false);
        }
        catch (IngestRefusedException e)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteErrorAsync(context, version, StatusCodes.Status503ServiceUnavailable, e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The sender hung up; there is no one to answer.
        }
    }

    // 1.x answers {"error": "..."}; 2.x {"code": "invalid", "message": "..."} (its codes: invalid, unauthorized, ...).
    private static async Task WriteErrorAsync(HttpContext context, InfluxApiVersion version, int statusCode, string message)
    {
        Log.RequestRefused(
            context.RequestServices.GetRequiredService<ILogger<InfluxReceiver>>(),
            "InfluxDB",
            context.Request.Path.Value ?? string.Empty,
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            message);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        if (version == InfluxApiVersion.V1)
        {
            writer.WriteString("error", message);
        }
        else
        {
            writer.WriteString("code", statusCode switch
            {
                StatusCodes.Status401Unauthorized => "unauthorized",
                StatusCodes.Status413PayloadTooLarge => "request too large",
                StatusCodes.Status503ServiceUnavailable or StatusCodes.Status507InsufficientStorage => "unavailable",
                _ => "invalid",
            });
            writer.WriteString("message", message);
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string Shown(string text) => text.Length <= 20 && !text.Any(char.IsControl) ? text : "(long or unprintable)";
}
