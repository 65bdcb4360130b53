using System.Text.Json;
using Vigil.Api.Contracts.V1;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>--json</c> of the alert commands: each item as the query API's contract type, one per line, so a store file and
/// <c>--server</c> give the same JSON and a script reads what <c>GET /api/alerts</c> answers (docs/api.md).
/// </summary>
internal static class ContractJson
{
    /// <summary>Writes each item on its own line.</summary>
    public static void WriteLines<T>(TextWriter output, IEnumerable<T> items)
    {
        var type = ApiJson.TypeInfo<T>();
        foreach (var item in items)
        {
            output.WriteLine(JsonSerializer.Serialize(item, type));
        }

        output.Flush();
    }
}
