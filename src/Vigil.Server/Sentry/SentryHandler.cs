using System.Globalization;
using System.Text.Json;
using Vigil.Model;
using Vigil.Server.Dialects;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;

namespace Vigil.Server.Sentry;

/// <summary>
/// The envelope and store endpoints: authenticate by the public key, read the body within the limits, turn events
/// into log records and hand them to the one ingest path (as OTLP logs), answering only once they are durable.
/// Overload is 429 with Retry-After, which every Sentry SDK honours; a body past the limits is 413.
/// </summary>
internal static class SentryHandler
{
    public static Task EnvelopeAsync(HttpContext context, long projectId) => HandleAsync(context, projectId, envelope: true);

    public static Task StoreAsync(HttpContext context, long projectId) => HandleAsync(context, projectId, envelope: false);

    private static async Task HandleAsync(HttpContext context, long projectId, bool envelope)
    {
        var services = context.RequestServices;
        var receiver = services.GetRequiredService<SentryReceiver>();
        var statistics = services.GetRequiredService<SentryStatistics>();
        var cancellationToken = context.RequestAborted;
        try
        {
            // A key in the headers or query is checked before the body is read; only an envelope's header can
            // carry it otherwise.
            var key = SentryAuth.FromRequest(context.Request);
            if (key is not null)
            {
                Authenticate(key, receiver);
            }
            else if (!envelope)
            {
                throw Unauthenticated("missing authorization: send X-Sentry-Auth with sentry_key, or ?sentry_key=");
            }

            using var memory = await AcquireAsync(context, cancellationToken).ConfigureAwait(false);
            var body = await DialectBodyReader.ReadAsync(context.Request, SentryLimits.MaxCompressedBytes, SentryLimits.MaxDecompressedBytes, cancellationToken).ConfigureAwait(false);
            memory.ShrinkTo(body.Length);

            var now = DateTimeOffset.UtcNow;
            var fingerprint = receiver.Fingerprint;
            var records = new List<LogEntry>();
            string? answerId;
            if (envelope)
            {
                var parsed = SentryEnvelope.Parse(body);
                if (key is null)
                {
                    Authenticate(SentryAuth.FromDsn(parsed.Dsn) ?? throw Unauthenticated("missing authorization: no sentry_key in X-Sentry-Auth, the query or the envelope header's dsn"), receiver);
                }

                answerId = parsed.EventId;
                foreach (var item in parsed.Items)
                {
                    statistics.RecordItem(item.Type);
                    if (item.Type == "event")
                    {
                        var (eventId, mapped) = SentryEventMapper.Map(item.Payload, projectId, parsed.EventId, fingerprint, now);
                        answerId ??= eventId;
                        records.AddRange(mapped);
                    }
                }
            }
            else
            {
                statistics.RecordItem("event");
                var (eventId, mapped) = SentryEventMapper.Map(body, projectId, null, fingerprint, now);
                answerId = eventId;
                records.AddRange(mapped);
            }

            if (records.Count > 0)
            {
                var ingest = services.GetRequiredService<OtlpIngestService>();
                var result = await ingest.IngestAsync(OtlpSignal.Logs, new OtlpMappingResult(new TelemetryBatch { Logs = records }, records.Count, 0, null), memory, cancellationToken).ConfigureAwait(false);
                if (result.Rejected > 0)
                {
                    throw DialectRequestException.Bad(result.ErrorMessage ?? "The store could not hold the event.");
                }
            }

            await WriteAsync(context, StatusCodes.Status200OK, writer =>
            {
                if (answerId is not null)
                {
                    writer.WriteString("id", answerId);
                }
            }).ConfigureAwait(false);
        }
        catch (DialectRequestException e)
        {
            await RefuseAsync(context, statistics, e.StatusCode, e.Message).ConfigureAwait(false);
        }
        catch (IngestRefusedException e) when (e.IsDiskFull)
        {
            await RefuseAsync(context, statistics, StatusCodes.Status507InsufficientStorage, e.Message).ConfigureAwait(false);
        }
        catch (IngestRefusedException e)
        {
            context.Response.Headers.RetryAfter = SentryLimits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await RefuseAsync(context, statistics, StatusCodes.Status429TooManyRequests, e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The sender hung up; there is no one to answer.
        }
    }

    // The ingest memory budget, reserved by the compressed size the request announces (the shared middleware would
    // assume the largest body for every compressed request, and Sentry SDKs compress every one).
    private static async Task<IngestMemoryLease> AcquireAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var budget = context.RequestServices.GetRequiredService<IngestMemoryBudget>();
        return await budget.AcquireAsync(context.Request.ContentLength, cancellationToken).ConfigureAwait(false);
    }

    private static void Authenticate(string key, SentryReceiver receiver)
    {
        if (!SentryAuth.Matches(key, receiver.PublicKeyBytes))
        {
            throw Unauthenticated("the DSN's public key is not this server's; use the DSN `vigil serve` prints");
        }
    }

    private static DialectRequestException Unauthenticated(string message) => new(StatusCodes.Status401Unauthorized, message);

    private static async Task RefuseAsync(HttpContext context, SentryStatistics statistics, int statusCode, string message)
    {
        statistics.RecordRefused(statusCode);
        Log.RequestRefused(
            context.RequestServices.GetRequiredService<ILogger<SentryReceiver>>(),
            "Sentry",
            context.Request.Path.Value ?? string.Empty,
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            message);
        if (!context.RequestAborted.IsCancellationRequested)
        {
            await WriteAsync(context, statusCode, writer => writer.WriteString("detail", message)).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> fields)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        fields(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
