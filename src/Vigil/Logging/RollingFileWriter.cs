namespace Vigil.Logging;

/// <summary>
/// Appends whole lines to a file and rolls it by size: <c>name.jsonl</c> becomes
/// <c>name.1.jsonl</c>, <c>.1</c> becomes <c>.2</c> and so on, keeping <c>maxFiles</c> files in all
/// (the current one included); the oldest is deleted. A line is never split across files; a line
/// longer than the limit goes whole into a fresh file. On open it appends to an existing file and,
/// if that file ends mid-line (a crash during a write), ends that line first so the next one is intact.
/// Thread-safe. I/O errors propagate to the caller after the file is closed, so the next write reopens it.
/// Lines reach the operating system on <see cref="Flush"/>; there is no fsync per batch.
/// One writer per file: two processes writing one path are not coordinated (on Unix they would
/// overwrite each other's lines), so each process needs its own path.
/// </summary>
internal sealed class RollingFileWriter : IDisposable
{
    private const byte NewLine = (byte)'\n';

    private readonly Lock _sync = new();
    private readonly string _path;
    private readonly long _maxFileSizeBytes;
    private readonly int _maxFiles;

    // Null until first written, and again after an I/O error so that the next write reopens.
    private FileStream? _stream;

    // Bytes in the current file, counted here rather than asked of the stream on every line.
    private long _size;
    private bool _disposed;

    public RollingFileWriter(string path, long maxFileSizeBytes, int maxFiles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFileSizeBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFiles, 1);
        _path = System.IO.Path.GetFullPath(path);
        _maxFileSizeBytes = maxFileSizeBytes;
        _maxFiles = maxFiles;
    }

    /// <summary>The full path of the current file.</summary>
    public string Path => _path;

    /// <summary>The path of the rolled file number <paramref name="index"/> (1 is the newest): <c>dir/name.index.ext</c>.</summary>
    public static string GetRolledPath(string path, int index)
    {
        var directory = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var extension = System.IO.Path.GetExtension(path);
        return System.IO.Path.Combine(directory, $"{name}.{index}{extension}");
    }

    /// <summary>
    /// Writes <paramref name="line"/>, which must end with <c>\n</c>, in one write, rolling first if
    /// it would take the current file past the size limit.
    /// </summary>
    public void WriteLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || line[^1] != NewLine)
        {
            throw new ArgumentException("A line must end with a line feed.", nameof(line));
        }

        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                var stream = _stream ?? Open();
                if (_size > 0 && _size + line.Length > _maxFileSizeBytes)
                {
                    stream = Roll();
                }

                stream.Write(line);
                _size += line.Length;
            }
            catch
            {
                Close();
                throw;
            }
        }
    }

    /// <summary>Hands buffered lines to the operating system.</summary>
    public void Flush()
    {
        lock (_sync)
        {
            try
            {
                _stream?.Flush();
            }
            catch
            {
                Close();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _stream?.Flush();
            }
            finally
            {
                Close();
            }
        }
    }

    private FileStream Open()
    {
        var directory = System.IO.Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Read access is needed to look at the last byte; others may read (vigil logs, tail -f) but not write.
        var stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 64 * 1024);
        try
        {
            var length = stream.Length;
            if (length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                var last = stream.ReadByte();
                stream.Seek(0, SeekOrigin.End);
                if (last != NewLine)
                {
                    // The previous writer died mid-line: end that line so ours stays parseable on its own.
                    stream.WriteByte(NewLine);
                    length++;
                }
            }

            _stream = stream;
            _size = length;
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private FileStream Roll()
    {
        _stream!.Flush();
        Close();

        // Shift from the oldest down, so that no rename lands on a file still to be moved.
        var oldest = _maxFiles - 1;
        if (oldest == 0)
        {
            File.Delete(_path);
        }
        else
        {
            File.Delete(GetRolledPath(_path, oldest));
            for (var index = oldest - 1; index >= 1; index--)
            {
                var source = GetRolledPath(_path, index);
                if (File.Exists(source))
                {
                    File.Move(source, GetRolledPath(_path, index + 1), overwrite: true);
                }
            }

            if (File.Exists(_path))
            {
                File.Move(_path, GetRolledPath(_path, 1), overwrite: true);
            }
        }

        return Open();
    }

    private void Close()
    {
        var stream = _stream;
        _stream = null;
        _size = 0;
        try
        {
            stream?.Dispose();
        }
        catch (IOException)
        {
            // Disposing flushes; after a failed write that flush fails again. The error was already reported.
        }
    }
}
