using System.Buffers;
using System.Threading.Channels;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Copies one of the child's output streams to vigil's own, byte for byte as it arrives, and hands a copy of each
/// chunk to a <see cref="LineAssembler"/> on another task. The copy never waits for the recording: when the recorder
/// falls behind, chunks are dropped from the record (and counted), never from the output.
/// </summary>
internal sealed class OutputPump
{
    // 64 KiB reads: a pipe's default capacity on Linux, so one read drains a full pipe.
    private const int ChunkBytes = 64 * 1024;

    // 256 chunks (16 MiB at most) queued for the recorder before chunks are left out of the record.
    private const int MaxQueuedChunks = 256;

    private readonly Stream _source;
    private readonly Stream _destination;
    private readonly LineAssembler _lines;
    private readonly Channel<(byte[] Buffer, int Length)> _chunks =
        Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(MaxQueuedChunks) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    public OutputPump(Stream source, Stream destination, LineAssembler lines)
    {
        _source = source;
        _destination = destination;
        _lines = lines;
    }

    /// <summary>Bytes the command wrote on this stream.</summary>
    public long Bytes { get; private set; }

    /// <summary>Bytes left out of the record because the recorder fell behind (all of them reached the output).</summary>
    public long BytesNotRecorded { get; private set; }

    /// <summary>Copies until the child closes the stream, then waits for the recorder to finish the last line.</summary>
    public async Task RunAsync()
    {
        var recorder = Task.Run(RecordAsync);
        var buffer = new byte[ChunkBytes];
        var destinationBroken = false;
        while (true)
        {
            var read = await _source.ReadAsync(buffer).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            Bytes += read;
            if (!destinationBroken)
            {
                try
                {
                    await _destination.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
                    await _destination.FlushAsync().ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // vigil's own output is gone (a closed pipe: `vigil exec ... | head`); keep draining the child so it
                    // is not blocked, as it would be with no reader at all.
                    destinationBroken = true;
                }
            }

            var copy = ArrayPool<byte>.Shared.Rent(read);
            buffer.AsSpan(0, read).CopyTo(copy);
            if (!_chunks.Writer.TryWrite((copy, read)))
            {
                ArrayPool<byte>.Shared.Return(copy);
                BytesNotRecorded += read;
            }
        }

        _chunks.Writer.Complete();
        await recorder.ConfigureAwait(false);
    }

    private async Task RecordAsync()
    {
        await foreach (var (chunk, length) in _chunks.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _lines.Add(chunk.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _lines.Complete();
    }
}
