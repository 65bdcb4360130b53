using System.Text.Json;
using Vigil.Server.Probes;

namespace Vigil.Server.Configuration;

/// <summary>
/// Reads one element of the <c>Probes</c> array into a <see cref="ProbeDefinition"/>: keys case-insensitively,
/// each value by its type, unknown and repeated keys as problems. Whether the values make sense together is
/// <see cref="ProbeValidation"/>'s job.
/// </summary>
internal static partial class ProbeJsonReader
{
    private static readonly string[] s_commonKeys = ["Name", "Kind", "Interval", "Timeout", "FailureThreshold", "SuccessThreshold"];

    private static readonly Dictionary<ProbeKind, string[]> s_kindKeys = new()
    {
        [ProbeKind.Http] = ["Url", "Method", "ExpectedStatus", "BodyContains", "BodyMatches", "MaxLatency", "MinCertificateDays", "Headers", "AllowUntrustedCertificate"],
        [ProbeKind.Tcp] = ["Host", "Port"],
        [ProbeKind.Command] = ["File", "Arguments"],
    };

    /// <summary>The kinds as written in configuration.</summary>
    public const string AllowedKinds = "http, tcp or command";

    public static ProbeDefinition? Read(JsonElement element, string path, ConfigReader reader)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Add(path, $"{ConfigReader.Show(element)} is not allowed: each probe is an object with at least Name and Kind");
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (!values.TryAdd(property.Name, property.Value))
            {
                reader.Add($"{path}:{property.Name}", "is given more than once");
            }
        }

        var kind = ReadKind(values, path, reader);
        var allowed = kind is { } k ? [.. s_commonKeys, .. s_kindKeys[k]] : s_kindKeys.Values.SelectMany(v => v).Concat(s_commonKeys).ToArray();
        foreach (var key in values.Keys)
        {
            if (!allowed.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                reader.Add($"{path}:{key}", kind is { } known
                    ? $"is not a key of a {Text(known)} probe (allowed: {string.Join(", ", allowed)})"
                    : "is not a key of any probe");
            }
        }

        var definition = new ProbeDefinition { Kind = kind ?? ProbeKind.Http };
        definition = ReadCommon(definition, values, path, reader);
        definition = kind switch
        {
            ProbeKind.Http => ReadHttp(definition, values, path, reader),
            ProbeKind.Tcp => ReadTcp(definition, values, path, reader),
            ProbeKind.Command => ReadCommand(definition, values, path, reader),
            _ => definition,
        };
        return kind is null ? null : definition;
    }

    /// <summary>The kind as configuration spells it.</summary>
    public static string Text(ProbeKind kind) => kind switch
    {
        ProbeKind.Http => "http",
        ProbeKind.Tcp => "tcp",
        _ => "command",
    };

    private static ProbeKind? ReadKind(Dictionary<string, JsonElement> values, string path, ConfigReader reader)
    {
        if (!values.TryGetValue("Kind", out var value))
        {
            reader.Add($"{path}:Kind", $"is required: {AllowedKinds}");
            return null;
        }

        ProbeKind? kind = value.ValueKind == JsonValueKind.String
            ? value.GetString()?.Trim().ToUpperInvariant() switch
            {
                "HTTP" => ProbeKind.Http,
                "TCP" => ProbeKind.Tcp,
                "COMMAND" => ProbeKind.Command,
                _ => null,
            }
            : null;
        if (kind is null)
        {
            reader.Add($"{path}:Kind", $"{ConfigReader.Show(value)} is not a probe kind: {AllowedKinds}");
        }

        return kind;
    }

    private static ProbeDefinition ReadCommon(ProbeDefinition definition, Dictionary<string, JsonElement> values, string path, ConfigReader reader)
    {
        if (values.TryGetValue("Name", out var name))
        {
            definition = definition with { Name = reader.String(name, $"{path}:Name") ?? string.Empty };
        }

        var hasTimeout = false;
        if (values.TryGetValue("Interval", out var interval) && reader.Duration(interval, $"{path}:Interval") is { } i)
        {
            definition = definition with { Interval = i };
        }

        if (values.TryGetValue("Timeout", out var timeout))
        {
            hasTimeout = true;
            if (reader.Duration(timeout, $"{path}:Timeout") is { } t)
            {
                definition = definition with { Timeout = t };
            }
        }

        if (!hasTimeout && definition.Interval < 2 * ProbeDefinition.DefaultTimeout)
        {
            // The default timeout must stay under a short interval.
            definition = definition with { Timeout = definition.Interval / 2 };
        }

        if (values.TryGetValue("FailureThreshold", out var failures) && reader.Integer(failures, $"{path}:FailureThreshold", 1, ProbeValidation.MaxThreshold) is { } f)
        {
            definition = definition with { FailureThreshold = f };
        }

        if (values.TryGetValue("SuccessThreshold", out var successes) && reader.Integer(successes, $"{path}:SuccessThreshold", 1, ProbeValidation.MaxThreshold) is { } s)
        {
            definition = definition with { SuccessThreshold = s };
        }

        return definition;
    }
}
