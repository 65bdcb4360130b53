using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Vigil.Server.Ingest;

namespace Vigil.Server.Otlp.Http;

/// <summary>
/// Reads an export request's body, gunzipping it when asked (<see cref="OtlpGzipStream"/>, shared with gRPC), and
/// enforces one limit on both the bytes received and the bytes decompressed, while streaming: a gzip bomb is cut off
/// at the limit.
/// </summary>
internal static class OtlpBodyReader
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request, bool gzip, long maxBytes, CancellationToken cancellationToken)
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

        var source = gzip ? new OtlpGzipStream(request.Body, maxBytes, OtlpHttpException.For) : request.Body;
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
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            if (gzip)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }

        return output.ToArray();
    }

    private static OtlpHttpException TooLarge(long maxBytes) => new(StatusCodes.Status413PayloadTooLarge, OtlpGzipStream.TooLargeMessage(maxBytes));
}
