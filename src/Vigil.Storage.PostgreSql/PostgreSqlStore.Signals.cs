using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Log counts for alert conditions (<see cref="IAlertSignalReader"/>): the same filters as a log query
/// (<see cref="LogCommand"/>), counted by service in one aggregate; the limit does not apply.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    public async Task<IReadOnlyDictionary<string, long>> CountLogsByServiceAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = LogCommand(connection, query, out _);
        command.CommandText = $"SELECT COALESCE(service, ''), count(*) FROM logs{command.CommandText} GROUP BY 1";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
