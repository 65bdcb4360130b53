using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// The day partitions of the time-partitioned tables (logs, spans, metric_points): one per UTC day, named
/// <c>table_yyyymmdd</c>, holding [midnight, next midnight) in Unix nanoseconds. A writer creates the partitions a
/// batch needs before its transaction (and today's and tomorrow's ahead of time), each in a short transaction of its
/// own under an advisory lock, so two servers creating the same day do not collide and the batch's transaction
/// never waits on DDL.
/// </summary>
internal sealed class PostgreSqlPartitions
{
    public const long NanosecondsPerDay = 86_400L * 1_000_000_000L;

    /// <summary>Each partitioned table and the column it is partitioned by; our own constants, never user input.</summary>
    public static readonly string[] Tables = ["logs", "spans", "metric_points"];

    // Advisory lock key space for partition creation ("VIGP"), apart from the migrator's.
    private const long LockKey = 0x56494750;

    private readonly ConcurrentDictionary<(string Table, long Day), bool> _known = new();

    public static long DayOf(long nanoseconds) => Math.DivRem(nanoseconds, NanosecondsPerDay) is var (q, r) && r < 0 ? q - 1 : q;

    public static string Name(string table, long day) =>
        table + "_" + DateTimeOffset.UnixEpoch.AddDays(day).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The partition's bounds as SQL literals; the last day of the nanosecond range ends at MAXVALUE.</summary>
    public static (string From, string To) Bounds(long day)
    {
        var from = day * NanosecondsPerDay;
        var to = day >= DayOf(long.MaxValue) ? "MAXVALUE" : ((day + 1) * NanosecondsPerDay).ToString(CultureInfo.InvariantCulture);
        var fromText = day <= DayOf(long.MinValue) ? "MINVALUE" : from.ToString(CultureInfo.InvariantCulture);
        return (fromText, to);
    }

    /// <summary>Creates each missing partition of <paramref name="days"/> for <paramref name="table"/>.</summary>
    public async Task EnsureAsync(NpgsqlConnection connection, string table, IEnumerable<long> days, CancellationToken cancellationToken)
    {
        foreach (var day in days)
        {
            if (_known.ContainsKey((table, day)))
            {
                continue;
            }

            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
                {
                    lockCommand.Parameters.AddWithValue("key", LockKey);
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var (from, to) = Bounds(day);
                await using var create = new NpgsqlCommand(
                    $"CREATE TABLE IF NOT EXISTS {Name(table, day)} PARTITION OF {table} FOR VALUES FROM ({from}) TO ({to})",
                    connection,
                    transaction);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            _known[(table, day)] = true;
        }
    }

    /// <summary>Forgets a dropped partition, so a later write to that day creates it again.</summary>
    public void Forget(string table, long day) => _known.TryRemove((table, day), out _);

    /// <summary>Forgets every partition, after a write found one missing that another server dropped.</summary>
    public void ForgetAll() => _known.Clear();

    /// <summary>The day a partition's name stands for; the inverse of <see cref="Name"/>.</summary>
    public static long DayOfName(string table, string name) =>
        TryDayOfName(table, name, out var day) ? day : throw new ArgumentException($"'{name}' is not a day partition of {table}.", nameof(name));

    /// <summary>The days that have a partition of <paramref name="table"/>, oldest first; a partition that a cut-off
    /// concurrent detach left pending is not among them (<see cref="ListDetachPendingAsync"/>).</summary>
    public static async Task<List<long>> ListAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var days = new List<long>();
        foreach (var name in await ListNamesAsync(connection, table, detachPending: false, cancellationToken).ConfigureAwait(false))
        {
            if (TryDayOfName(table, name, out var day))
            {
                days.Add(day);
            }
        }

        days.Sort();
        return days;
    }

    /// <summary>The partitions of <paramref name="table"/> that a concurrent detach began and did not finish.</summary>
    public static async Task<List<string>> ListDetachPendingAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        [.. (await ListNamesAsync(connection, table, detachPending: true, cancellationToken).ConfigureAwait(false)).Where(n => TryDayOfName(table, n, out _))];

    private static async Task<List<string>> ListNamesAsync(NpgsqlConnection connection, string table, bool detachPending, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent " +
            "WHERE p.relname = @table AND p.relnamespace = current_schema()::regnamespace AND i.inhdetachpending = @pending",
            connection);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("pending", detachPending);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static bool TryDayOfName(string table, string name, out long day)
    {
        day = 0;
        if (name.Length != table.Length + 9 || !name.StartsWith(table + "_", StringComparison.Ordinal) ||
            !DateTimeOffset.TryParseExact(name.AsSpan(table.Length + 1), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return false;
        }

        day = (long)(date - DateTimeOffset.UnixEpoch).TotalDays;
        return true;
    }
}
