namespace Vigil.Storage.PostgreSql;

/// <summary>
/// PostgreSQL text cannot hold U+0000 (a NUL is "invalid byte sequence for encoding UTF8"), which SQLite stores and
/// hostile telemetry carries. Every text value bound as a column or a query parameter goes through
/// <see cref="Clean"/>: a NUL becomes U+FFFD, the replacement character, so the write succeeds and the rest of the
/// text is kept. Records kept whole as JSON need nothing: the encoder writes a NUL as the escape <c>\u0000</c>.
/// </summary>
internal static class PostgreSqlText
{
    public static string Clean(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value;

    public static string? CleanOrNull(string? value) => value is null ? null : Clean(value);
}
