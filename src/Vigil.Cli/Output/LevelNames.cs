namespace Vigil.Cli.Output;

/// <summary>Short level names for OpenTelemetry severity numbers (1-24).</summary>
internal static class LevelNames
{
    /// <summary>The widest name, for column alignment.</summary>
    public const int Width = 5;

    /// <summary>The short name of <paramref name="severityNumber"/>; 0 (unspecified) becomes <c>-</c>.</summary>
    public static string Short(int severityNumber) => severityNumber switch
    {
        >= 21 => "fatal",
        >= 17 => "error",
        >= 13 => "warn",
        >= 9 => "info",
        >= 5 => "debug",
        >= 1 => "trace",
        _ => "-",
    };
}
