using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// A statement prepared once on a <see cref="SqliteConnection"/>'s own handle and run many times through the raw
/// SQLite API, for bulk inserts. Microsoft.Data.Sqlite boxes every parameter value, converts each text from UTF-16
/// and checks the command's state on every execution; here a value is bound as the SQLite type it is and a text as
/// UTF-8 bytes (JSON is written as UTF-8 to begin with), which is about half the CPU per row of a 17-column insert
/// (issue 12, "The write path"). Parameters are numbered from 1, as SQLite numbers <c>?NNN</c>.
/// </summary>
/// <remarks>
/// The statement runs inside whatever transaction the connection has open, and must be disposed before the connection
/// is closed (a pooled connection keeps its handle, and an unfinalized statement with it). Errors come back as
/// <see cref="SqliteException"/>, with SQLite's result code, exactly as from a <see cref="SqliteCommand"/>, so busy
/// retries and error translation (<see cref="SqliteErrors"/>) treat both alike. Not thread-safe.
/// </remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _sql;
    private sqlite3_stmt? _statement;
    private byte[] _scratch = new byte[256];

    public RawStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        _sql = sql;
    }

    /// <summary>
    /// <c>(?1, …, ?columns), (…), …</c>: the VALUES of a statement inserting <paramref name="rows"/> rows at once, row r's
    /// column c (from 0) being parameter <c>r * columns + c + 1</c>. A statement's own cost (starting it, and the
    /// AUTOINCREMENT counter it reads and writes back) is then paid once per that many rows.
    /// </summary>
    public static string Values(int columns, int rows)
    {
        var sql = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns; column++)
            {
                sql.Append(column == 0 ? "?" : ", ?").Append((row * columns) + column + 1);
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    public void Bind(int index, long value) => raw.sqlite3_bind_int64(Statement, index, value);

    public void Bind(int index, long? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int64(Statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(Statement, index);
        }
    }

    /// <summary>Binds a double; NULL for null (SQLite has no NaN: it would store NULL anyway).</summary>
    public void Bind(int index, double? value)
    {
        if (value is { } v && !double.IsNaN(v))
        {
            raw.sqlite3_bind_double(Statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(Statement, index);
        }
    }

    /// <summary>Binds text as UTF-8 (SQLite copies it), or NULL for null.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(Statement, index);
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _scratch.Length)
        {
            _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(value, _scratch);
        BindUtf8(index, _scratch.AsSpan(0, written));
    }

    /// <summary>Binds UTF-8 text that SQLite copies before this returns (SQLITE_TRANSIENT).</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(Statement, index, utf8));

    /// <summary>Runs a statement that returns no row.</summary>
    public void Execute()
    {
        var statement = Statement;
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            Check(rc);
        }
    }

    /// <summary>Runs a statement and returns the first column of its first row as a number, or null when there is no row.</summary>
    public long? ExecuteNullableInt64()
    {
        var statement = Statement;
        var rc = raw.sqlite3_step(statement);
        long? value = rc == raw.SQLITE_ROW && raw.sqlite3_column_type(statement, 0) != raw.SQLITE_NULL
            ? raw.sqlite3_column_int64(statement, 0)
            : null;
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            Check(rc);
        }

        return value;
    }

    /// <summary>The rowid of the row the connection's last successful INSERT added.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_connection.Handle);

    public void Dispose()
    {
        _statement?.Dispose();
        _statement = null;
    }

    private sqlite3_stmt Statement => _statement ?? Prepare();

    private sqlite3_stmt Prepare()
    {
        var db = _connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v3(db, _sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement);
        if (rc != raw.SQLITE_OK || statement is null)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_OK ? raw.SQLITE_MISUSE : rc, db);
            throw new InvalidOperationException("unreachable: ThrowExceptionForRC throws for every error code");
        }

        _statement = statement;
        return statement;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }
}
