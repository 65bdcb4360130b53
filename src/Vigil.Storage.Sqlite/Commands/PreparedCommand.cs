using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// A command prepared on first use and then run many times with new parameter values. Preparing
/// lazily means a writer only compiles statements for the tables it actually writes.
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _sql;
    private readonly string[] _parameterNames;
    private SqliteCommand? _command;
    private SqliteParameter[]? _parameters;
    private SqliteTransaction? _transaction;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _connection = connection;
        _sql = sql;
        _parameterNames = parameterNames;
    }

    public SqliteTransaction? Transaction
    {
        set
        {
            _transaction = value;
            if (_command is not null)
            {
                _command.Transaction = value;
            }
        }
    }

    public void Set(int index, object? value) => (_parameters ?? Prepare())[index].Value = value ?? DBNull.Value;

    public int Execute() => Command.ExecuteNonQuery();

    public long ExecuteInt64() => (long)Command.ExecuteScalar()!;

    /// <summary>The first column of the first row as a number, or null when there is no row.</summary>
    public long? ExecuteNullableInt64() => Command.ExecuteScalar() is long value ? value : null;

    public SqliteDataReader ExecuteReader() => Command.ExecuteReader();

    public void Dispose() => _command?.Dispose();

    private SqliteCommand Command
    {
        get
        {
            if (_command is null)
            {
                Prepare();
            }

            return _command!;
        }
    }

    private SqliteParameter[] Prepare()
    {
        var command = _connection.CreateCommand();
        command.CommandText = _sql;
        command.Transaction = _transaction;
        var parameters = new SqliteParameter[_parameterNames.Length];
        for (var i = 0; i < _parameterNames.Length; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter(_parameterNames[i], DBNull.Value));
        }

        command.Prepare();
        _command = command;
        _parameters = parameters;
        return parameters;
    }
}
