using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Vigil.Server.Ingest;

namespace Vigil.Server.Otlp.Http;

/// <summary>
/// Reads an export request's body, gunzipping it when asked (<see cref="OtlpGzipStream"/>, shared with gRPC), and
/// enforces one limit on both the bytes received and the bytes decompressed, while streaming: a gzip bomb is cut off
/// at the limit. An uncompressed body stays in Kestrel's pipe buffers and is parsed there: copying it into one array
/// cost as much as a third of the server's own allocation per record (docs/performance.md, "Server ingest").
/// </summary>
internal static class OtlpBodyReader
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task<OtlpBody> ReadAsync(HttpRequest request, bool gzip, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        // Kestrel then stops reading (and fails with 413) once the received bytes pass the limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        try
        {
            return gzip
                ? new OtlpBody(new ReadOnlySequence<byte>(await InflateAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false)), owner: null)
                : await BufferAsync(request.BodyReader, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusals of a body: too slow (408), or shorter than its Content-Length because the sender
            // hung up (400). Answered and counted like any bad request, not left to escape as a server error.
            throw new OtlpHttpException(
                e.StatusCode,
                OtlpRefusalReason.Aborted,
                e.StatusCode == StatusCodes.Status408RequestTimeout ? "The request body arrived too slowly." : "The request body ended before its announced length.",
                e);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OtlpHttpException(StatusCodes.Status400BadRequest, OtlpRefusalReason.Aborted, "The sender hung up before the body arrived.", e);
        }
    }

    // Leaves the whole body in the pipe (examined, not consumed) until the caller has parsed it.
    private static async Task<OtlpBody> BufferAsync(PipeReader reader, long maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(result.Buffer.End);
                throw TooLarge(maxBytes);
            }

            if (result.IsCompleted)
            {
                return new OtlpBody(result.Buffer, reader);
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static async Task<byte[]> InflateAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var source = new OtlpGzipStream(body, maxBytes, OtlpHttpException.For);
        var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            await source.DisposeAsync().ConfigureAwait(false);
        }

        return output.ToArray();
    }

    private static OtlpHttpException TooLarge(long maxBytes) => new(StatusCodes.Status413PayloadTooLarge, OtlpGzipStream.TooLargeMessage(maxBytes));
}
