using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>What alert conditions ask beside the reader (IAlertSignalReader). Not written yet (pg-triage): each member throws <see cref="NotImplementedException"/>.</summary>
internal sealed partial class PostgreSqlStore
{
    public Task<IReadOnlyDictionary<string, long>> CountLogsByServiceAsync(LogQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
