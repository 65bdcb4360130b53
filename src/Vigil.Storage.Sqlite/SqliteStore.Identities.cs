using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>Resources and scopes by id, for the read side.</summary>
internal sealed partial class SqliteStore
{
    private TelemetryResource GetResource(SqliteConnection connection, long id)
    {
        if (_resources.TryGetValue(id, out var cached))
        {
            return cached;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT schema_url, attributes FROM resources WHERE id = @id;";
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        var resource = reader.Read()
            ? new TelemetryResource
            {
                SchemaUrl = reader.IsDBNull(0) ? null : reader.GetString(0),
                Attributes = AttributeJson.Deserialize(reader.GetString(1)),
            }
            : TelemetryResource.Empty;
        return _resources.GetOrAdd(id, resource);
    }

    private InstrumentationScopeInfo GetScope(SqliteConnection connection, long id)
    {
        if (_scopes.TryGetValue(id, out var cached))
        {
            return cached;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, version, attributes FROM scopes WHERE id = @id;";
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        var scope = reader.Read()
            ? new InstrumentationScopeInfo
            {
                Name = reader.GetString(0),
                Version = reader.IsDBNull(1) ? null : reader.GetString(1),
                Attributes = AttributeJson.Deserialize(reader.GetString(2)),
            }
            : InstrumentationScopeInfo.Empty;
        return _scopes.GetOrAdd(id, scope);
    }
}
