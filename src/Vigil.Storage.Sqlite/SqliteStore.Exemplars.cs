using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Exemplars (<see cref="IExemplarReader"/>): the metric's points in the range that carry any, newest first.</summary>
internal sealed partial class SqliteStore : IExemplarReader
{
    public Task<ExemplarQueryResult> QueryExemplarsAsync(ExemplarQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return ReadAsync(connection => QueryExemplars(connection, query), cancellationToken);
    }

    private ExemplarQueryResult QueryExemplars(SqliteConnection connection, ExemplarQuery query)
    {
        var rows = new ExemplarRows(query.Limit);
        var series = ReadSeriesOf(connection, query.Name, query.ServiceName).ToDictionary(s => s.Id, s => s.Info);
        if (series.Count == 0)
        {
            return rows.ToResult();
        }

        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT p.series_id, p.time, p.exemplars FROM metric_points p " +
            "WHERE p.series_id IN (SELECT s.id FROM metric_series s WHERE s.name = @name AND (@service IS NULL OR s.service_name = @service)) " +
            "AND p.time >= @from AND p.time < @to AND p.exemplars IS NOT NULL ORDER BY p.time DESC, p.id DESC LIMIT @rows;";
        command.Parameters.AddWithValue("@name", query.Name);
        command.Parameters.AddWithValue("@service", (object?)query.ServiceName ?? DBNull.Value);
        command.Parameters.AddWithValue("@from", UnixTime.ToNanoseconds(query.From));
        command.Parameters.AddWithValue("@to", UnixTime.ToNanoseconds(query.To));
        command.Parameters.AddWithValue("@rows", rows.RowLimit);
        using var reader = command.ExecuteReader();
        while (!rows.Full && reader.Read())
        {
            // A series written since the series were read is left out, as a metric query leaves it.
            if (series.TryGetValue(reader.GetInt64(0), out var info))
            {
                rows.Add(info, UnixTime.FromNanoseconds(reader.GetInt64(1)), reader.GetString(2));
            }
        }

        return rows.ToResult();
    }
}
