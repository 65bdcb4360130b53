namespace Vigil.Cli.Output;

/// <summary>Writes RFC 4180 CSV rows.</summary>
internal static class Csv
{
    /// <summary>Writes one row, quoting fields that need it.</summary>
    public static void WriteRow(TextWriter output, IEnumerable<string> fields)
    {
        output.Write(string.Join(',', fields.Select(Quote)));

        // RFC 4180 ends records with CRLF.
        output.Write("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
