using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>A command prepared once and run many times with new parameter values.</summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter(parameterNames[i], DBNull.Value));
        }

        _command.Prepare();
    }

    public SqliteTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    public void Set(int index, object? value) => _parameters[index].Value = value ?? DBNull.Value;

    public int Execute() => _command.ExecuteNonQuery();

    public long ExecuteInt64() => (long)_command.ExecuteScalar()!;

    public void Dispose() => _command.Dispose();
}
