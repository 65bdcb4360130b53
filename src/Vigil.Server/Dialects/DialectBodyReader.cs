using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp;

namespace Vigil.Server.Dialects;

/// <summary>
/// Reads the body of a foreign protocol's request (Sentry, InfluxDB) within two limits: Kestrel stops the received bytes
/// at the compressed limit, and the inflated bytes are cut off one byte past the decompressed limit, so a compression bomb costs at most
/// that limit. gzip goes through <see cref="OtlpGzipStream"/> (strict about the trailer, shared with OTLP); deflate is
/// the zlib format HTTP names (RFC 9110 section 8.4.1.2), or raw deflate when the zlib header is missing, as some
/// clients send; br is Brotli.
/// </summary>
internal static class DialectBodyReader
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request, long maxCompressedBytes, long maxDecompressedBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxCompressedBytes)
        {
            throw CompressedTooLarge(maxCompressedBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxCompressedBytes;
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        try
        {
            await using var source = await OpenAsync(request.Body, encoding, maxDecompressedBytes, cancellationToken).ConfigureAwait(false);
            return await ReadBoundedAsync(source, maxDecompressedBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw CompressedTooLarge(maxCompressedBytes);
        }
        catch (BadHttpRequestException e)
        {
            throw new DialectRequestException(e.StatusCode, "The request body did not arrive whole.", e);
        }
        catch (InvalidDataException e)
        {
            throw DialectRequestException.Bad($"The body is not valid {encoding} data.", e);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw DialectRequestException.Bad("The sender hung up before the body arrived.", e);
        }
    }

    private static async Task<Stream> OpenAsync(Stream body, string encoding, long maxDecompressedBytes, CancellationToken cancellationToken)
    {
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return new NonDisposingStream(body);
        }

        if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || encoding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
        {
            return new OtlpGzipStream(body, maxDecompressedBytes, (reason, message) =>
                reason == OtlpRefusalReason.TooLarge ? DecompressedTooLarge(maxDecompressedBytes) : DialectRequestException.Bad(message));
        }

        if (encoding.Equals("br", StringComparison.OrdinalIgnoreCase))
        {
            return new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true);
        }

        if (encoding.Equals("deflate", StringComparison.OrdinalIgnoreCase))
        {
            // The first two bytes tell zlib from raw deflate: a zlib header is CM=8 and a multiple of 31 (RFC 1950).
            var buffered = new BufferedStream(new NonDisposingStream(body), ChunkBytes);
            var header = new byte[2];
            var read = await buffered.ReadAtLeastAsync(header, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var prefix = new PrefixedStream(header.AsMemory(0, read), buffered);
            var zlib = read == 2 && (header[0] & 0x0F) == 8 && ((header[0] << 8) | header[1]) % 31 == 0;
            return zlib ? new ZLibStream(prefix, CompressionMode.Decompress) : new DeflateStream(prefix, CompressionMode.Decompress);
        }

        throw new DialectRequestException(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported; use gzip, deflate, br or none.");
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream source, long maxDecompressedBytes, CancellationToken cancellationToken)
    {
        var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (output.Length + read > maxDecompressedBytes)
                {
                    throw DecompressedTooLarge(maxDecompressedBytes);
                }

                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }

    private static DialectRequestException CompressedTooLarge(long maxCompressedBytes) =>
        DialectRequestException.TooLarge($"The request is larger than {maxCompressedBytes} bytes as received.");

    private static DialectRequestException DecompressedTooLarge(long maxDecompressedBytes) =>
        DialectRequestException.TooLarge($"The request is larger than {maxDecompressedBytes} bytes after decompression.");
}
