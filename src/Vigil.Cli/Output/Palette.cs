using Spectre.Console;

namespace Vigil.Cli.Output;

/// <summary>The styles human output uses, or plain text everywhere when colour is off.</summary>
internal sealed class Palette
{
    private Palette(bool color) => UseColor = color;

    /// <summary>Colours on.</summary>
    public static Palette Color { get; } = new(true);

    /// <summary>Colours off: every style is plain.</summary>
    public static Palette Plain { get; } = new(false);

    /// <summary>Whether styles carry colour.</summary>
    public bool UseColor { get; }

    /// <summary>Secondary text: times, ids.</summary>
    public Style Dim => Pick(new Style(decoration: Decoration.Dim));

    /// <summary>Column headers.</summary>
    public Style Header => Pick(new Style(decoration: Decoration.Bold));

    /// <summary>Failures.</summary>
    public Style Error => Pick(new Style(Spectre.Console.Color.Red));

    /// <summary>Success.</summary>
    public Style Ok => Pick(new Style(Spectre.Console.Color.Green));

    /// <summary>Impaired but working (a degraded health check, a raised severity).</summary>
    public Style Warning => Pick(new Style(Spectre.Console.Color.Yellow));

    /// <summary>Service names.</summary>
    public Style Service => Pick(new Style(Spectre.Console.Color.Cyan));

    /// <summary>The waterfall bars.</summary>
    public Style Bar => Pick(new Style(Spectre.Console.Color.Blue));

    /// <summary>The style of a log level by OpenTelemetry severity number.</summary>
    public Style Level(int severityNumber) => severityNumber switch
    {
        >= 21 => Pick(new Style(Spectre.Console.Color.White, Spectre.Console.Color.Red, Decoration.Bold)),
        >= 17 => Pick(new Style(Spectre.Console.Color.Red, decoration: Decoration.Bold)),
        >= 13 => Pick(new Style(Spectre.Console.Color.Yellow)),
        >= 9 => Pick(new Style(Spectre.Console.Color.Green)),
        _ => Pick(new Style(decoration: Decoration.Dim)),
    };

    private Style Pick(Style style) => UseColor ? style : Style.Plain;
}
