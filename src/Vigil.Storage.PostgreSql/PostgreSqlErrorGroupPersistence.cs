using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Error-group persistence for <see cref="TelemetryWritePipeline"/>, on the batch's connection and transaction.
/// Not written yet (pg-triage): each member throws <see cref="NotImplementedException"/>.
/// </summary>
internal sealed class PostgreSqlErrorGroupPersistence(NpgsqlConnection connection, NpgsqlTransaction transaction) : IErrorGroupPersistence
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public long? FindGroupIdByExceptionId(string exceptionId, DateTimeOffset earliest, DateTimeOffset latest) => throw new NotImplementedException();

    public IReadOnlyList<UnpairedErrorEvent> FindUnpairedEvents(string traceId, string spanId, DateTimeOffset earliest, DateTimeOffset latest) => throw new NotImplementedException();

    public void MarkPaired(long eventId) => throw new NotImplementedException();

    public long? FindAlias(string fingerprint, int groupingVersion) => throw new NotImplementedException();

    public void InsertAlias(string fingerprint, int groupingVersion, long groupId) => throw new NotImplementedException();

    public ErrorGroup? FindGroup(long id) => throw new NotImplementedException();

    public ErrorGroup? FindGroupByFingerprint(string fingerprint, int groupingVersion) => throw new NotImplementedException();

    public long InsertGroup(ErrorGroup group) => throw new NotImplementedException();

    public void UpdateGroup(ErrorGroup group) => throw new NotImplementedException();

    public void InsertEvent(ErrorEventRecord errorEvent) => throw new NotImplementedException();

    public void AddService(long groupId, string serviceName) => throw new NotImplementedException();

    public bool AddRelease(long groupId, string release) => throw new NotImplementedException();

    public void CountHour(long groupId, DateTimeOffset hour) => throw new NotImplementedException();
}
