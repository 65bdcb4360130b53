using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// The follow cursor's horizon. A log record's sequence comes from <c>nextval</c> when its row is copied, but the row
/// becomes visible when its transaction commits, so across writers sequence order is not commit order: a batch that
/// took 10 and commits after a batch that took 11 would be skipped by a follower that had already moved past 11.
/// Each writer therefore announces, before it takes any sequence, a lower bound of what it will take: a shared
/// transaction-level advisory lock whose key carries the sequence's <c>last_value</c> (<see cref="AnnounceLogWriteAsync"/>),
/// gone at commit or rollback. A cursor read (<see cref="LogQuery.AfterSequence"/>) returns only records at or below
/// the horizon: one less than the lowest bound any writer in flight announced, and no higher than the sequence's
/// <c>last_value</c> read before the locks. Every sequence at or below it belongs to a transaction that has ended, so
/// nothing can still appear behind the cursor. The sequence is not cached (CACHE 1, the default), so values rise in
/// the order they are handed out, which the bound relies on.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    /// <summary>The lock key's top 16 bits ("VL"), apart from every other advisory key of the engine; the low 48 carry the bound.</summary>
    private const long LogWriteLockTag = 0x564C_0000_0000_0000;

    /// <summary>The largest sequence the key can carry: 2^48 - 1, hundreds of years at a million records a second.</summary>
    private const long LogWriteBoundMask = 0x0000_FFFF_FFFF_FFFF;

    private static async Task AnnounceLogWriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // One statement: the bound is read, then the lock taken, before this transaction's first nextval.
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock_shared(@tag | ((SELECT last_value FROM log_sequence) & @mask))", connection, transaction);
        command.Parameters.AddWithValue("tag", LogWriteLockTag);
        command.Parameters.AddWithValue("mask", LogWriteBoundMask);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The highest sequence no transaction in flight can still commit (see the type's summary).</summary>
    private static async Task<long> LogHorizonAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        long issued;
        // First the sequence, then the locks: a writer that announces after this read takes values above it.
        await using (var sequence = new NpgsqlCommand("SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM log_sequence", connection))
        {
            issued = (long)(await sequence.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using var locks = new NpgsqlCommand(
            """
            SELECT min(((classid::bigint & 65535) << 32) | objid::bigint) FROM pg_locks
            WHERE locktype = 'advisory' AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND (classid::bigint >> 16) = @tag
            """, connection);
        locks.Parameters.AddWithValue("tag", LogWriteLockTag >>> 48);
        var lowest = await locks.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return lowest is long bound ? Math.Min(issued, bound - 1) : issued;
    }
}
