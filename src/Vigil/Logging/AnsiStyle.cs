namespace Vigil.Logging;

/// <summary>ANSI SGR sequences used by the pretty console, and the colour of each level.</summary>
internal static class AnsiStyle
{
    public const string Reset = "\u001b[0m";
    public const string Dim = "\u001b[2m";
    public const string Red = "\u001b[31m";

    // Indexed by level band (see LogSeverity.GetBand): trace grey, debug dim, information green,
    // warning yellow, error red, critical bold white on red.
    private static readonly string[] s_levels =
    [
        "\u001b[90m",
        Dim,
        "\u001b[32m",
        "\u001b[33m",
        Red,
        "\u001b[1;97;41m",
    ];

    public static string ForBand(int band) => s_levels[band];
}
