using System.Globalization;

namespace Vigil.Alerting.Slos;

/// <summary>
/// A window in the duration grammar's words (<c>5m</c>, <c>1h</c>, <c>3d</c>, <c>30d</c>), for labels and listings:
/// the largest unit that divides it exactly, so the text reads back to the same window.
/// </summary>
internal static class WindowText
{
    private static readonly (string Unit, TimeSpan Size)[] s_units =
    [
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    public static string Format(TimeSpan window)
    {
        foreach (var (unit, size) in s_units)
        {
            if (window >= size && window.Ticks % size.Ticks == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{window.Ticks / size.Ticks}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{window.TotalMilliseconds:0.####}ms");
    }
}
