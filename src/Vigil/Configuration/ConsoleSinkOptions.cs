using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>Settings of the console sink (configuration section <c>Console</c>).</summary>
public sealed class ConsoleSinkOptions
{
    /// <summary>The default delay between two writes of buffered records to the console.</summary>
    public const int DefaultFlushIntervalMilliseconds = 200;

    /// <summary>Whether log records are written to standard output. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Human-readable lines or JSON lines. Default: <see cref="ConsoleFormat.Auto"/>.</summary>
    public ConsoleFormat Format { get; set; } = ConsoleFormat.Auto;

    /// <summary>Whether pretty output uses ANSI colours. Default: <see cref="ConsoleColorMode.Auto"/>.</summary>
    public ConsoleColorMode Color { get; set; } = ConsoleColorMode.Auto;

    /// <summary>How long records wait before they are written, so that a burst is written at once.</summary>
    [Range(1, 60_000)]
    public int FlushIntervalMilliseconds { get; set; } = DefaultFlushIntervalMilliseconds;
}
