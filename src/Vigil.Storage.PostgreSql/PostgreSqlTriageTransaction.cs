using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// The batch's transaction as the write pipeline's persistence sees it (<see cref="PostgreSqlErrorGroupPersistence"/>,
/// <see cref="PostgreSqlHealthPersistence"/>). Grouping finds a group and then inserts it; SQLite serialises writers
/// with BEGIN IMMEDIATE, so here the first triage read of a transaction takes a transaction-level advisory lock that
/// every server's writer shares, and two servers writing the same new exception at once still make one group. A batch
/// with no exception and no health record never takes it; taking it again in the same transaction costs nothing more.
/// The lock ends with the transaction, commit or rollback.
/// </summary>
internal sealed class PostgreSqlTriageTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    /// <summary>The advisory lock key of triage writes; "VIGLTRIG" in ASCII, apart from the migrator's and the leader's.</summary>
    internal const long LockKey = 0x5649474C_54524947;

    private bool _locked;

    /// <summary>A command on the transaction, after the lock is held; parameters are added in order as $1, $2, ...</summary>
    public NpgsqlCommand Command(string sql, params object[] parameters)
    {
        if (!_locked)
        {
            using var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
            lockCommand.ExecuteNonQuery();
            _locked = true;
        }

        return PostgreSqlCommands.Create(connection, transaction, sql, parameters);
    }
}
