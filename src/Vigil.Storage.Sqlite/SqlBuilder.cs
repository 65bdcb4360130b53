using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Builds a WHERE clause from optional filters. Every value goes in as a parameter; only our own
/// fixed SQL fragments are concatenated.
/// </summary>
internal sealed class SqlBuilder
{
    private readonly StringBuilder _where = new();
    private readonly List<SqliteParameter> _parameters = [];

    public string Where => _where.Length == 0 ? string.Empty : " WHERE " + _where;

    /// <summary>Adds a condition; each <c>{0}</c>, <c>{1}</c>... is replaced by a parameter for the matching value.</summary>
    public void Add(string condition, params object?[] values)
    {
        var names = new object[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var name = "@p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
            _parameters.Add(new SqliteParameter(name, values[i] ?? DBNull.Value));
            names[i] = name;
        }

        if (_where.Length > 0)
        {
            _where.Append(" AND ");
        }

        _where.Append('(').Append(string.Format(CultureInfo.InvariantCulture, condition, names)).Append(')');
    }

    public string AddParameter(object? value)
    {
        var name = "@p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
        return name;
    }

    public SqliteCommand CreateCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(_parameters);
        return command;
    }
}
