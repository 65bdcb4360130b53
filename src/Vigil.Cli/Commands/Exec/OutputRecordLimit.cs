using System.Globalization;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// How much of each output stream <c>vigil exec</c> records (<c>--record-lines</c>): the first <see cref="Lines"/>
/// lines and the last <see cref="Lines"/>, and between them up to <see cref="Lines"/> that read as errors or compiler
/// warnings. A build's or a test run's output fits whole; a command printing a million lines costs a few thousand
/// records, not a million, and its output still passes through at the pace of a pipe.
/// </summary>
internal readonly record struct OutputRecordLimit(int Lines)
{
    /// <summary>The default: <c>--record-lines 10000</c>.</summary>
    public static OutputRecordLimit Default { get; } = new(10_000);

    /// <summary>Every line recorded (<c>--record-lines all</c>).</summary>
    public static OutputRecordLimit All { get; } = new(int.MaxValue);

    /// <summary>Whether every line is recorded, whatever the output's size.</summary>
    public bool IsAll => Lines == int.MaxValue;

    /// <summary>Reads <c>--record-lines</c>: a positive count, or <c>all</c>.</summary>
    public static bool TryParse(string text, out OutputRecordLimit limit)
    {
        if (string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            limit = All;
            return true;
        }

        var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var lines) && lines > 0 && lines < int.MaxValue;
        limit = ok ? new OutputRecordLimit(lines) : Default;
        return ok;
    }

    /// <inheritdoc />
    public override string ToString() => IsAll ? "all" : Lines.ToString(CultureInfo.InvariantCulture);
}
