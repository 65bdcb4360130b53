using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>Trace id prefix lookups.</summary>
internal sealed partial class SqliteStore
{
    /// <summary>
    /// A range on the traces table's primary key, so SQLite seeks in its index rather than reading every row as
    /// <c>LIKE</c> or <c>substr</c> would. Ids are lower-case hex, so [prefix, prefix with its last digit
    /// raised by one) holds exactly the ids that start with the prefix ('f' + 1 is 'g', '9' + 1 is ':').
    /// </summary>
    internal const string FindTraceIdsSql =
        "SELECT trace_id FROM traces WHERE trace_id >= @low AND trace_id < @high ORDER BY trace_id LIMIT @limit;";

    public Task<IReadOnlyList<string>> FindTraceIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (prefix.Length > 32 || !prefix.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"'{prefix}' is not a trace id prefix (1 to 32 hex digits).", nameof(prefix));
        }

        var low = prefix.ToLowerInvariant();
        return ReadAsync<IReadOnlyList<string>>(connection => FindTraceIds(connection, low, limit), cancellationToken);
    }

    private static List<string> FindTraceIds(SqliteConnection connection, string low, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = FindTraceIdsSql;
        command.Parameters.AddWithValue("@low", low);
        command.Parameters.AddWithValue("@high", string.Concat(low.AsSpan(0, low.Length - 1), ((char)(low[^1] + 1)).ToString()));
        command.Parameters.AddWithValue("@limit", limit);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
