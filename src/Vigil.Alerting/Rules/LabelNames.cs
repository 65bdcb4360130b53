namespace Vigil.Alerting.Rules;

/// <summary>Label and annotation names, as Prometheus allows them: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
internal static class LabelNames
{
    /// <summary>What messages say is allowed.</summary>
    public const string Allowed = "a letter or _, then letters, digits or _ (e.g. team, runbook_url), at most 128 characters";

    /// <summary>Whether <paramref name="name"/> is a label name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when it is.</returns>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 128 }
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
