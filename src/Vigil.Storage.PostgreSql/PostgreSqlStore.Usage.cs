namespace Vigil.Storage.PostgreSql;

/// <summary>
/// What the database takes (<see cref="IStoreUsageReader"/>): <c>pg_database_size</c>, the size PostgreSQL reports for
/// the whole database. Its disk is the database server's, not this process's, so the disk guard does not apply here;
/// PostgreSQL reuses the room a delete frees inside its tables, which it does not report as free, so nothing counts as
/// reusable. https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADMIN-DBSIZE
/// </summary>
internal sealed partial class PostgreSqlStore
{
    public Task<StoreSpace> ReadSpaceAsync(CancellationToken cancellationToken = default) => ReadTriageAsync(
        async (connection, token) =>
        {
            await using var command = PostgreSqlCommands.Create(connection, null, "SELECT pg_database_size(current_database())");
            var bytes = (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            return new StoreSpace { FileBytes = bytes, UsedBytes = bytes };
        },
        cancellationToken);
}
