using System.Text;

namespace Vigil.Cli.Tests.Support;

/// <summary>
/// A thread-safe text writer a test can wait on ("until the output contains X"), for commands
/// that keep running (--follow) while the test writes to the store.
/// </summary>
internal sealed class SignallingWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _changed = new(0);

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }

        _changed.Release();
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }

        _changed.Release();
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }

    /// <summary>Waits until the text contains <paramref name="expected"/>; fails after a generous timeout.</summary>
    public async Task WaitForAsync(string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!ToString().Contains(expected, StringComparison.Ordinal))
        {
            await _changed.WaitAsync(timeout.Token);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _changed.Dispose();
        }

        base.Dispose(disposing);
    }
}
