namespace Vigil.Cli.Parsing;

/// <summary>Reads an error group id as <c>vigil errors</c> prints it: a whole number greater than zero (a leading <c>#</c> is allowed).</summary>
internal static class ErrorGroupIdParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    public static bool TryParse(string text, out long id, out string? error) =>
        IdParser.TryParse(text, "an error group id", "vigil errors", out id, out error);
}
