using Npgsql;
using NpgsqlTypes;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Exemplars (<see cref="IExemplarReader"/>): the metric's points in the range that carry any, newest first.</summary>
internal sealed partial class PostgreSqlStore : IExemplarReader
{
    public async Task<ExemplarQueryResult> QueryExemplarsAsync(ExemplarQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var rows = new ExemplarRows(query.Limit);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var series = (await ReadSeriesOfAsync(connection, query.Name, query.ServiceName, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Id, s => s.Info);
        if (series.Count == 0)
        {
            return rows.ToResult();
        }

        // The series ids as an array: the time range prunes the day partitions, ix_metric_points_series_time finds the rows.
        await using var command = new NpgsqlCommand(
            "SELECT series_id, time, exemplars FROM metric_points WHERE series_id = ANY(@series) AND time >= @from AND time < @to " +
            "AND exemplars IS NOT NULL ORDER BY time DESC LIMIT @rows",
            connection);
        command.Parameters.AddWithValue("series", NpgsqlDbType.Array | NpgsqlDbType.Bigint, series.Keys.ToArray());
        command.Parameters.AddWithValue("from", UnixTime.ToNanoseconds(query.From));
        command.Parameters.AddWithValue("to", UnixTime.ToNanoseconds(query.To));
        command.Parameters.AddWithValue("rows", rows.RowLimit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (!rows.Full && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(series[reader.GetInt64(0)], UnixTime.FromNanoseconds(reader.GetInt64(1)), reader.GetString(2));
        }

        return rows.ToResult();
    }
}
