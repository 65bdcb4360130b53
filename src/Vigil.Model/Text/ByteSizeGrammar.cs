using System.Globalization;

namespace Vigil.Model.Text;

/// <summary>
/// The one grammar for byte sizes, shared by budgets and the server's configuration (<c>DiskGuard:MinFreeBytes</c>):
/// a number and a unit, <c>B</c>, <c>KB</c>/<c>MB</c>/<c>GB</c> (powers of 1000) or
/// <c>KiB</c>/<c>MiB</c>/<c>GiB</c> (powers of 1024), e.g. <c>512MiB</c>, <c>1.5GB</c>; a bare number is bytes.
/// </summary>
public static class ByteSizeGrammar
{
    /// <summary>What the error messages say a size looks like.</summary>
    public const string Allowed = "a number of bytes, or a number and a unit, B, KB, MB, GB, KiB, MiB or GiB (e.g. 512MiB, 1.5GB)";

    private static readonly (string Unit, long Factor)[] s_units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000), ("B", 1),
    ];

    /// <summary>Reads <paramref name="text"/>; false for anything else, negative or past <see cref="long.MaxValue"/>.</summary>
    /// <param name="text">The size, e.g. <c>512MiB</c>.</param>
    /// <param name="bytes">The size in bytes.</param>
    /// <returns>Whether <paramref name="text"/> is a size.</returns>
    public static bool TryParse(string text, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        var trimmed = text.Trim();
        var factor = 1L;
        foreach (var (unit, unitFactor) in s_units)
        {
            if (trimmed.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^unit.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }

        if (trimmed.Length == 0 || !double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var value = number * factor;
        if (double.IsNaN(value) || value < 0 || value >= long.MaxValue)
        {
            return false;
        }

        bytes = (long)Math.Round(value);
        return true;
    }

    /// <summary>A size as people read it, in binary units: <c>512 B</c>, <c>1.5 KiB</c>, <c>20.25 MiB</c>, <c>3 GiB</c>, <c>1.2 TiB</c>.</summary>
    /// <param name="bytes">The size in bytes.</param>
    /// <returns>The text; <see cref="TryParse"/> reads it back (to its two decimals).</returns>
    public static string Format(double bytes) => Math.Abs(bytes) switch
    {
        >= 1L << 40 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 40):0.##} TiB"),
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):0.##} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 20):0.##} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 10):0.##} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B"),
    };
}
