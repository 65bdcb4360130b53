using System.IO.Compression;

namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>
/// Compresses a built block into the blob the store keeps: one codec byte, the built length as a varint, then the
/// compressed bytes. The codec is recorded per blob, so a store can hold blocks of several codecs and the choice can
/// change without a migration. The default (Brotli quality 1) is what docs/performance.md measured as meeting the
/// bytes target at the least CPU.
/// </summary>
internal sealed record LogBlockCompression(LogBlockCodec Codec, int Level)
{
    /// <summary>Window of 2^18 bytes: a block is at most <see cref="LogBlockBuilder.MaxBuiltBytes"/>, larger windows only cost memory.</summary>
    private const int BrotliWindowBits = 18;

    public static LogBlockCompression Default { get; } = new(LogBlockCodec.Brotli, 1);

    public byte[] Compress(ReadOnlySpan<byte> built)
    {
        var header = new ByteColumn();
        header.WriteByte((byte)Codec);
        header.WriteVarint((ulong)built.Length);
        switch (Codec)
        {
            case LogBlockCodec.None:
                return [.. header.Written, .. built];
            case LogBlockCodec.Brotli:
                var buffer = new byte[header.Length + BrotliEncoder.GetMaxCompressedLength(built.Length)];
                header.Written.CopyTo(buffer);
                if (!BrotliEncoder.TryCompress(built, buffer.AsSpan(header.Length), out var written, Level, BrotliWindowBits))
                {
                    throw new InvalidOperationException("Brotli could not compress a log block.");
                }

                return buffer[..(header.Length + written)];
            case LogBlockCodec.Deflate:
                using (var output = new MemoryStream(built.Length / 4 + 64))
                {
                    output.Write(header.Written);
                    using (var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = Level }, leaveOpen: true))
                    {
                        deflate.Write(built);
                    }

                    return output.ToArray();
                }

            default:
                throw new InvalidOperationException($"Unknown log block codec {Codec}.");
        }
    }

    /// <summary>The built bytes of a stored blob, whichever codec wrote it.</summary>
    public static byte[] Decompress(byte[] blob)
    {
        var position = 1;
        var length = checked((int)VarintReader.Read(blob, ref position));
        var payload = blob.AsSpan(position);
        var built = new byte[length];
        switch ((LogBlockCodec)blob[0])
        {
            case LogBlockCodec.None:
                payload.CopyTo(built);
                break;
            case LogBlockCodec.Brotli:
                if (!BrotliDecoder.TryDecompress(payload, built, out var written) || written != length)
                {
                    throw new InvalidDataException("A log block's Brotli data is damaged.");
                }

                break;
            case LogBlockCodec.Deflate:
                using (var input = new MemoryStream(blob, position, blob.Length - position, writable: false))
                using (var inflate = new DeflateStream(input, CompressionMode.Decompress))
                {
                    inflate.ReadExactly(built);
                }

                break;
            default:
                throw new InvalidDataException($"A log block has unknown codec {blob[0]}.");
        }

        return built;
    }
}
