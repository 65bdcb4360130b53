using OpenTelemetry;
using OpenTelemetry.Logs;
using Vigil.Internal;

namespace Vigil.Logging;

/// <summary>
/// The rolling file sink: one JSON line per record (the shape of <see cref="LogRecordJsonFormatter"/>)
/// into files rolled by size and count. It never throws into the pipeline: an I/O failure is counted,
/// reported through <see cref="VigilSdkEventSource"/>, and the batch returns <see cref="ExportResult.Failure"/>;
/// the file is reopened on the next batch.
/// </summary>
internal sealed class RollingFileLogExporter : BaseExporter<LogRecord>
{
    /// <summary>The sink name used in SDK fault events.</summary>
    public const string SinkName = "file";

    // One lock for the serializer and the writer: the batch processor calls Export from one thread,
    // but nothing forbids a second processor or a direct caller.
    private readonly Lock _sync = new();
    private readonly JsonLogLineSerializer _serializer = new();
    private readonly RollingFileWriter _writer;
    private long _failedBatches;
    private long _droppedRecords;
    private bool _closed;

    public RollingFileLogExporter(FileSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _writer = new RollingFileWriter(options.Path, options.MaxFileSizeBytes, options.MaxFiles);
    }

    /// <summary>The full path of the current file.</summary>
    public string FilePath => _writer.Path;

    /// <summary>How many batches failed on an I/O error.</summary>
    public long FailedBatches => Interlocked.Read(ref _failedBatches);

    /// <summary>
    /// How many records were dropped: not formattable, or not handed to the file because of an I/O
    /// error (a lower bound: lines buffered when a flush fails are lost too).
    /// </summary>
    public long DroppedRecords => Interlocked.Read(ref _droppedRecords);

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        lock (_sync)
        {
            if (_closed)
            {
                return ExportResult.Failure;
            }

            long written = 0;
            long skipped = 0;
            try
            {
                foreach (var record in batch)
                {
                    if (!TrySerialize(record, out var line))
                    {
                        skipped++;
                        continue;
                    }

                    _writer.WriteLine(line);
                    written++;
                }

                _writer.Flush();
                return skipped == 0 ? ExportResult.Success : ExportResult.Failure;
            }
            catch (Exception exception)
            {
                // Whatever the file system said (disk full, permission denied, a path that is a
                // directory), the app must not see it. Records not yet handed to the writer are counted
                // as dropped; lines handed over but still buffered when a flush fails are lost uncounted.
                Interlocked.Increment(ref _failedBatches);
                Interlocked.Add(ref _droppedRecords, batch.Count - written - skipped);
                VigilSdkEventSource.Log.SinkFailed(SinkName, exception);
                return ExportResult.Failure;
            }
        }
    }

    private bool TrySerialize(LogRecord record, out ReadOnlySpan<byte> line)
    {
        try
        {
            line = _serializer.Serialize(record);
            return true;
        }
        catch (Exception exception)
        {
            // One record we cannot format (a bug of ours) must not cost the rest of the batch.
            Interlocked.Increment(ref _droppedRecords);
            VigilSdkEventSource.Log.SinkFailed(SinkName, exception);
            line = default;
            return false;
        }
    }

    protected override bool OnShutdown(int timeoutMilliseconds) => Close();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
            _serializer.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Close()
    {
        lock (_sync)
        {
            if (_closed)
            {
                return true;
            }

            _closed = true;
            try
            {
                _writer.Dispose();
                return true;
            }
            catch (Exception exception)
            {
                // The final flush failed; shutdown must still complete.
                VigilSdkEventSource.Log.SinkFailed(SinkName, exception);
                return false;
            }
        }
    }
}
