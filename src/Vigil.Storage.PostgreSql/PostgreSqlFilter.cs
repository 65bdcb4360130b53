using System.Globalization;
using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// A WHERE clause built from conditions with positional parameters: each condition names its values {0}, {1}, ...
/// and they become $n in the order added. Only our own constant SQL goes in the text; every value is a parameter.
/// </summary>
internal sealed class PostgreSqlFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<object> _parameters = [];

    /// <summary>" WHERE a AND b", or empty when there is no condition.</summary>
    public string Where => _conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", _conditions);

    public void Add(string condition, params object[] values)
    {
        var names = values.Select(AddParameter).ToArray<object>();
        _conditions.Add(string.Format(CultureInfo.InvariantCulture, condition, names));
    }

    /// <summary>Adds a parameter that is not part of a condition (a limit) and returns its name.</summary>
    public string AddParameter(object value)
    {
        _parameters.Add(value);
        return "$" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
    }

    public NpgsqlCommand CreateCommand(NpgsqlConnection connection, string sql) =>
        PostgreSqlCommands.Create(connection, null, sql, [.. _parameters]);
}
