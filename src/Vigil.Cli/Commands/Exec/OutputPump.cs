using System.Buffers;
using System.Threading.Channels;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Copies one of the child's output streams to vigil's own, byte for byte as it arrives, counts its lines, and (when
/// the run is recorded) hands a copy of each chunk to a <see cref="LineAssembler"/> on another task. The copy never
/// waits for the recording, not even for the recorder to start (the SDK starts while the command already runs): when
/// the recorder is not ready or falls behind, chunks are dropped from the record (and counted), never from the output.
/// Until the record has its head (the first <c>--record-lines</c> lines) the newest chunks are the ones dropped; after
/// it, the oldest queued ones, so that the record's tail is the output's real end however far the recorder fell behind.
/// </summary>
internal sealed class OutputPump
{
    // Reads of the pipe's capacity (PipeCapacity), so one read can drain a full pipe.
    private const int ChunkBytes = PipeCapacity.Bytes;

    // 4 MiB at most queued for the recorder (while the SDK starts, or when it falls behind) before chunks are left out
    // of the record: room for the first --record-lines lines of most commands however fast they print, and little
    // enough that the recorder catches up within milliseconds once the command ends.
    private const int MaxQueuedChunks = 4 * 1024 * 1024 / ChunkBytes;

    private readonly Stream _source;
    private readonly Stream _destination;
    private readonly Task<LineAssembler?> _lines;
    private readonly Func<bool> _headRecorded;
    private long _newlines;
    private bool _endsInsideLine;
    private readonly Channel<(byte[] Buffer, int Length, DateTime ArrivedUtc)> _chunks =
        Channel.CreateBounded<(byte[], int, DateTime)>(new BoundedChannelOptions(MaxQueuedChunks) { SingleReader = false, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    /// <param name="source">The child's stream.</param>
    /// <param name="destination">vigil's own stream.</param>
    /// <param name="lines">Where the recorded lines are assembled, once recording has started; null when the run is not recorded.</param>
    /// <param name="headRecorded">Whether the record has its head, so the oldest queued chunks may go before the newest.</param>
    public OutputPump(Stream source, Stream destination, Task<LineAssembler?> lines, Func<bool> headRecorded)
    {
        _source = source;
        _destination = destination;
        _lines = lines;
        _headRecorded = headRecorded;
    }

    /// <summary>Bytes the command wrote on this stream.</summary>
    public long Bytes { get; private set; }

    /// <summary>
    /// Lines the command wrote on this stream (a last line without a newline counts), counted in the copy itself, so
    /// the count holds whether or not the recorder kept up.
    /// </summary>
    public long Lines => _newlines + (_endsInsideLine ? 1 : 0);

    /// <summary>Bytes left out of the record because the recorder fell behind (all of them reached the output).</summary>
    public long BytesNotRecorded { get; private set; }

    /// <summary>The recorder's work: done once it has taken the stream's last line (after <see cref="RunAsync"/>).</summary>
    public Task Recorded { get; private set; } = Task.CompletedTask;

    /// <summary>Copies until the child closes the stream; the recording goes on in <see cref="Recorded"/>.</summary>
    public async Task RunAsync()
    {
        Recorded = Task.Run(RecordAsync);
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
            _newlines += buffer.AsSpan(0, read).Count((byte)'\n');
            _endsInsideLine = buffer[read - 1] != (byte)'\n';
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

            if (_lines.IsCompletedSuccessfully && _lines.Result is null)
            {
                continue;
            }

            // The time a chunk was read is its lines' time: the recorder may take them much later.
            var copy = ArrayPool<byte>.Shared.Rent(read);
            buffer.AsSpan(0, read).CopyTo(copy);
            var chunk = (copy, read, DateTime.UtcNow);
            if (!_chunks.Writer.TryWrite(chunk) && !(_headRecorded() && MakeRoom() && _chunks.Writer.TryWrite(chunk)))
            {
                ArrayPool<byte>.Shared.Return(copy);
                BytesNotRecorded += read;
            }
        }

        _chunks.Writer.Complete();
    }

    // Drops the oldest queued chunk (the recorder, reading concurrently, may have taken it first: then there is room).
    private bool MakeRoom()
    {
        if (_chunks.Reader.TryRead(out var oldest))
        {
            ArrayPool<byte>.Shared.Return(oldest.Buffer);
            BytesNotRecorded += oldest.Length;
        }

        return true;
    }

    private async Task RecordAsync()
    {
        var lines = await _lines.ConfigureAwait(false);
        await foreach (var (chunk, length, arrivedUtc) in _chunks.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            lines?.Add(chunk.AsSpan(0, length), arrivedUtc);
            ArrayPool<byte>.Shared.Return(chunk);
        }

        lines?.Complete();
    }
}
