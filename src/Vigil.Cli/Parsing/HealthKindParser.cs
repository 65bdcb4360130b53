using Vigil.Model;

namespace Vigil.Cli.Parsing;

/// <summary>Reads <c>vigil health --kind</c>: <c>check</c> (from applications) or <c>probe</c> (from the server).</summary>
internal static class HealthKindParser
{
    /// <summary>The name of a kind, as output prints it.</summary>
    public static string Name(HealthSourceKind kind) => kind == HealthSourceKind.Probe ? "probe" : "check";

    /// <summary>Parses <paramref name="text"/> case-insensitively (plurals too).</summary>
    public static bool TryParse(string text, out HealthSourceKind kind, out string? error)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "CHECK" or "CHECKS":
                kind = HealthSourceKind.Check;
                error = null;
                return true;
            case "PROBE" or "PROBES":
                kind = HealthSourceKind.Probe;
                error = null;
                return true;
            default:
                kind = default;
                error = $"'{text}' is not a kind (use check or probe)";
                return false;
        }
    }
}
