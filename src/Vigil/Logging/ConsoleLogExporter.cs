using System.Text;
using OpenTelemetry;
using OpenTelemetry.Logs;
using Vigil.Internal;

namespace Vigil.Logging;

/// <summary>
/// The console sink. Pretty lines (see <see cref="PrettyLogFormatter"/>) when the format is
/// <see cref="ConsoleFormat.Pretty"/>, or <see cref="ConsoleFormat.Auto"/> on a terminal; JSON lines
/// of the file sink's shape when it is <see cref="ConsoleFormat.Json"/>, or Auto with output
/// redirected, so that a pipe or a container log collector gets parseable records. Colour when
/// <see cref="ConsoleColorMode.Always"/>, or Auto on a terminal with <c>NO_COLOR</c> unset or empty
/// (https://no-color.org). A batch is written with one call and one flush; a failing writer
/// (a closed pipe) is reported through <see cref="VigilSdkEventSource"/>, never thrown.
/// The output writer is not owned: it is flushed, never disposed.
/// </summary>
internal sealed class ConsoleLogExporter : BaseExporter<LogRecord>
{
    /// <summary>The sink name used in SDK fault events.</summary>
    public const string SinkName = "console";

    // Text is handed to the writer in chunks of about this size, so a huge batch is not held twice.
    private const int WriteChunkChars = 64 * 1024;

    // A batch far bigger than usual grows the builder; past this it is let go afterwards.
    private const int RetainedBuilderChars = 256 * 1024;

    private readonly Lock _sync = new();
    private readonly TextWriter _output;
    private readonly PrettyLogFormatter? _pretty;
    private readonly JsonLogLineSerializer? _json;
    private readonly HealthConsoleFilter _healthFilter = new();
    private StringBuilder _text = new(4096);
    private char[] _decoded = [];
    private long _failedBatches;
    private bool _closed;

    /// <param name="options">Format and colour settings.</param>
    /// <param name="output">Where lines go, normally <see cref="Console.Out"/>.</param>
    /// <param name="outputIsTerminal">Whether <paramref name="output"/> is a terminal, normally <c>!Console.IsOutputRedirected</c>.</param>
    /// <param name="environment">Environment variables to consult (<c>NO_COLOR</c>); the process environment when null.</param>
    public ConsoleLogExporter(
        ConsoleSinkOptions options,
        TextWriter output,
        bool outputIsTerminal,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        _output = output;

        IsJson = options.Format == ConsoleFormat.Json || (options.Format == ConsoleFormat.Auto && !outputIsTerminal);
        UsesColor = !IsJson && options.Color switch
        {
            ConsoleColorMode.Always => true,
            ConsoleColorMode.Never => false,
            _ => outputIsTerminal && string.IsNullOrEmpty(GetVariable(environment, "NO_COLOR")),
        };

        if (IsJson)
        {
            _json = new JsonLogLineSerializer();
        }
        else
        {
            _pretty = new PrettyLogFormatter(UsesColor);
        }
    }

    /// <summary>Whether records are written as JSON lines rather than pretty lines.</summary>
    public bool IsJson { get; }

    /// <summary>Whether pretty lines carry ANSI colour codes.</summary>
    public bool UsesColor { get; }

    /// <summary>How many batches could not be written.</summary>
    public long FailedBatches => Interlocked.Read(ref _failedBatches);

    /// <summary>A console exporter on the process's standard output.</summary>
    public static ConsoleLogExporter CreateForStandardOutput(ConsoleSinkOptions options) =>
        new(options, Console.Out, outputIsTerminal: !Console.IsOutputRedirected);

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        lock (_sync)
        {
            if (_closed)
            {
                return ExportResult.Failure;
            }

            try
            {
                var skipped = 0;
                foreach (var record in batch)
                {
                    if (!_healthFilter.ShouldWrite(record))
                    {
                        continue;
                    }

                    if (!TryAppend(record))
                    {
                        skipped++;
                    }

                    if (_text.Length >= WriteChunkChars)
                    {
                        WritePending();
                    }
                }

                WritePending();
                _output.Flush();
                return skipped == 0 ? ExportResult.Success : ExportResult.Failure;
            }
            catch (Exception exception)
            {
                // A closed or broken output must not reach the app.
                _text.Clear();
                Interlocked.Increment(ref _failedBatches);
                VigilSdkEventSource.Log.SinkFailed(SinkName, exception);
                return ExportResult.Failure;
            }
        }
    }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        lock (_sync)
        {
            _closed = true;
            try
            {
                _output.Flush();
                return true;
            }
            catch (Exception exception)
            {
                // Shutdown must complete even when the output is gone.
                VigilSdkEventSource.Log.SinkFailed(SinkName, exception);
                return false;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_sync)
            {
                _closed = true;
                _json?.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private bool TryAppend(LogRecord record)
    {
        var start = _text.Length;
        try
        {
            if (_json is not null)
            {
                AppendUtf8(_json.Serialize(record));
            }
            else
            {
                _pretty!.Format(record, _text);
            }

            return true;
        }
        catch (Exception exception)
        {
            // One record we cannot format (a bug of ours) must not cost the rest of the batch.
            _text.Length = start;
            VigilSdkEventSource.Log.SinkFailed(SinkName, exception);
            return false;
        }
    }

    private void AppendUtf8(ReadOnlySpan<byte> utf8)
    {
        var needed = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (_decoded.Length < needed)
        {
            _decoded = new char[Math.Max(needed, 1024)];
        }

        var count = Encoding.UTF8.GetChars(utf8, _decoded);
        _text.Append(_decoded, 0, count);
    }

    private void WritePending()
    {
        if (_text.Length > 0)
        {
            _output.Write(_text);
        }

        if (_text.Capacity > RetainedBuilderChars)
        {
            _text = new StringBuilder(4096);
            _decoded = [];
        }
        else
        {
            _text.Clear();
        }
    }

    private static string? GetVariable(IReadOnlyDictionary<string, string>? environment, string name) =>
        environment is null
            ? Environment.GetEnvironmentVariable(name)
            : environment.GetValueOrDefault(name);
}
