using System.Text.Json;

namespace Vigil.Cli.Output;

/// <summary>Numbers that may be unknown in the CLI's JSON: written as <c>null</c>, never as 0 or left out.</summary>
internal static class JsonNumbers
{
    /// <summary>Writes <paramref name="value"/>, or <c>null</c> when there is none.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
