namespace Vigil.Cli.Commands.Metrics;

/// <summary>Shows a group's labels the way PromQL users read them: <c>{route="/a", code="200"}</c>.</summary>
internal static class LabelText
{
    /// <summary>The labels in braces, or <c>(all series)</c> when there are none.</summary>
    public static string Format(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0
            ? "(all series)"
            : "{" + string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
}
