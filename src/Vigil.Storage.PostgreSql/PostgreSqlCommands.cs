using Npgsql;
using NpgsqlTypes;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Commands with positional parameters ($1, $2, ...). A value that may be absent goes through <see cref="Text"/>,
/// <see cref="Int64"/> or <see cref="Double"/>, so its NULL carries the column's type and a statement's parameter types
/// never depend on which values happen to be null.
/// </summary>
internal static class PostgreSqlCommands
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value is string text ? PostgreSqlText.Clean(text) : value });
        }

        return command;
    }

    public static NpgsqlParameter Text(string? value) => Typed(NpgsqlDbType.Text, PostgreSqlText.CleanOrNull(value));

    public static NpgsqlParameter Int64(long? value) => Typed(NpgsqlDbType.Bigint, value);

    public static NpgsqlParameter Double(double? value) => Typed(NpgsqlDbType.Double, value);

    /// <summary>A nullable time as Unix nanoseconds.</summary>
    public static NpgsqlParameter Time(DateTimeOffset? value) => Int64(value is { } time ? Vigil.Model.UnixTime.ToNanoseconds(time) : null);

    private static NpgsqlParameter Typed(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
