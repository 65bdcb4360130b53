using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// How the triage and alert roles reach the database: a read on a pooled connection, or a write in one transaction.
/// A write that reads before it changes (an acknowledgement, a status change, a saved alert) runs at the default
/// READ COMMITTED level and locks the rows it reads with FOR UPDATE, so two servers never lose each other's change.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    private async Task<T> ReadTriageAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await read(connection, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> WriteTriageAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await write(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }
}
