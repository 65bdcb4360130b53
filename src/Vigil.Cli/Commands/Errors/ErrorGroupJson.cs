using System.Text.Json;
using Vigil.Cli.Parsing;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Cli.Commands.Errors;

/// <summary>
/// The JSON form of an error group, shared by <c>vigil errors --json</c>, <c>show --json</c> and the
/// status commands, so a script reads the same field names everywhere (documented in docs/cli.md).
/// </summary>
internal static class ErrorGroupJson
{
    /// <summary>Writes the group's properties into the current object.</summary>
    public static void WriteProperties(Utf8JsonWriter json, ErrorGroup group)
    {
        json.WriteNumber("id", group.Id);
        json.WriteString("status", ErrorNames.Status(group.Status));
        json.WriteBoolean("isRegression", group.IsRegression);
        json.WriteString("severity", ErrorNames.Severity(group.Severity));
        json.WriteString("baseSeverity", ErrorNames.Severity(group.BaseSeverity));
        json.WriteBoolean("severityRaised", group.SeverityRaised);
        json.WriteNumber("count", group.Count);
        json.WriteString("firstSeen", group.FirstSeen);
        json.WriteString("lastSeen", group.LastSeen);
        WriteStrings(json, "services", group.Services);
        WriteStrings(json, "releases", group.Releases);
        json.WriteString("type", group.Type);
        json.WriteString("message", group.Message);
        json.WriteString("culprit", group.Culprit);
        json.WriteString("fingerprint", group.Fingerprint);
        json.WriteString("fingerprintMethod", TelemetryJson.Name(group.Method));
        json.WriteNumber("groupingVersion", group.GroupingVersion);
        WriteTime(json, "statusChanged", group.StatusChanged);
        json.WriteBoolean("resolvedInNextRelease", group.ResolvedInNextRelease);
        WriteTime(json, "ignoredUntil", group.IgnoredUntil);
        if (group.IgnoredUntilCount is { } count)
        {
            json.WriteNumber("ignoredUntilCount", count);
        }
        else
        {
            json.WriteNull("ignoredUntilCount");
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            json.WriteString(name, time);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
