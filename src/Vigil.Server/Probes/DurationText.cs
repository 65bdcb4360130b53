using System.Globalization;

using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Server.Probes;

/// <summary>Durations in configuration: the shared <see cref="DurationGrammar"/> (<c>500ms</c>, <c>30s</c>, <c>1h30m</c>, <c>1.5h</c>), from 1ms to a day.</summary>
internal static class DurationText
{
    /// <summary>What the error messages say is allowed: the shared grammar, within the server's range.</summary>
    public const string Allowed = DurationGrammar.Allowed + ", from 1ms to 24h";

    /// <summary>How configuration reads a <see cref="TimeSpan"/>: this grammar and range, not the binder's <c>00:00:30</c>.</summary>
    public static ConfigurationScalar Scalar { get; } = new(
        $"a duration: {Allowed}",
        text => TryParse(text, out var duration) ? duration.ToString("c", CultureInfo.InvariantCulture) : null);

    /// <summary>Reads a duration in the shared grammar; false for anything else, and for zero or more than a day.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        // Whole milliseconds: timers do not resolve finer, and a day is far past any sensible probe interval.
        if (!DurationGrammar.TryParse(text, out var parsed)
            || parsed < TimeSpan.FromMilliseconds(1)
            || parsed > TimeSpan.FromDays(1))
        {
            duration = TimeSpan.Zero;
            return false;
        }

        duration = TimeSpan.FromMilliseconds(Math.Round(parsed.TotalMilliseconds));
        return true;
    }
}
