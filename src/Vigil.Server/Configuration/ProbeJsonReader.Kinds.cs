using System.Text.Json;
using Vigil.Server.Probes;

namespace Vigil.Server.Configuration;

/// <summary>The keys of each probe kind.</summary>
internal static partial class ProbeJsonReader
{
    private static ProbeDefinition ReadHttp(ProbeDefinition definition, Dictionary<string, JsonElement> values, string path, ConfigReader reader)
    {
        if (values.TryGetValue("Url", out var url) && reader.String(url, $"{path}:Url") is { } text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                definition = definition with { Url = uri };
            }
            else
            {
                reader.Add($"{path}:Url", $"{ConfigReader.Show(url)} is not allowed: an absolute http:// or https:// URL");
            }
        }

        if (values.TryGetValue("Method", out var method) && reader.String(method, $"{path}:Method") is { } m)
        {
            definition = definition with { Method = m };
        }

        if (values.TryGetValue("ExpectedStatus", out var expected))
        {
            definition = definition with { ExpectedStatus = ReadStatusCodes(expected, $"{path}:ExpectedStatus", reader) };
        }

        if (values.TryGetValue("BodyContains", out var contains))
        {
            definition = definition with { BodyContains = reader.String(contains, $"{path}:BodyContains") };
        }

        if (values.TryGetValue("BodyMatches", out var matches))
        {
            definition = definition with { BodyMatches = reader.String(matches, $"{path}:BodyMatches") };
        }

        if (values.TryGetValue("MaxLatency", out var latency))
        {
            definition = definition with { MaxLatency = reader.Duration(latency, $"{path}:MaxLatency") };
        }

        if (values.TryGetValue("MinCertificateDays", out var days))
        {
            definition = definition with { MinCertificateDays = reader.Integer(days, $"{path}:MinCertificateDays", 0, ProbeValidation.MaxCertificateDays) };
        }

        if (values.TryGetValue("AllowUntrustedCertificate", out var untrusted))
        {
            definition = definition with { AllowUntrustedCertificate = reader.Boolean(untrusted, $"{path}:AllowUntrustedCertificate") ?? false };
        }

        if (values.TryGetValue("Headers", out var headers))
        {
            definition = definition with { Headers = ReadHeaders(headers, $"{path}:Headers", reader) };
        }

        return definition;
    }

    private static ProbeDefinition ReadTcp(ProbeDefinition definition, Dictionary<string, JsonElement> values, string path, ConfigReader reader)
    {
        if (values.TryGetValue("Host", out var host))
        {
            definition = definition with { Host = reader.String(host, $"{path}:Host") };
        }

        if (values.TryGetValue("Port", out var port) && reader.Integer(port, $"{path}:Port", 1, 65535) is { } p)
        {
            definition = definition with { Port = p };
        }

        return definition;
    }

    private static ProbeDefinition ReadCommand(ProbeDefinition definition, Dictionary<string, JsonElement> values, string path, ConfigReader reader)
    {
        if (values.TryGetValue("File", out var file))
        {
            definition = definition with { File = reader.String(file, $"{path}:File") };
        }

        if (values.TryGetValue("Arguments", out var arguments) && reader.StringArray(arguments, $"{path}:Arguments") is { } list)
        {
            definition = definition with { Arguments = list };
        }

        return definition;
    }

    /// <summary>One status code or an array of them.</summary>
    private static List<int> ReadStatusCodes(JsonElement value, string path, ConfigReader reader)
    {
        var codes = new List<int>();
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (reader.Integer(value, path, 100, 599) is { } code)
            {
                codes.Add(code);
            }

            return codes;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            reader.Add(path, $"{ConfigReader.Show(value)} is not allowed: a status code (100-599) or an array of them");
            return codes;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (reader.Integer(item, $"{path}:{index}", 100, 599) is { } code)
            {
                codes.Add(code);
            }

            index++;
        }

        return codes;
    }

    private static Dictionary<string, string> ReadHeaders(JsonElement value, string path, ConfigReader reader)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (value.ValueKind != JsonValueKind.Object)
        {
            reader.Add(path, $"{ConfigReader.Show(value)} is not allowed: an object of header names and string values");
            return headers;
        }

        foreach (var header in value.EnumerateObject())
        {
            if (reader.String(header.Value, $"{path}:{header.Name}") is { } text && !headers.TryAdd(header.Name, text))
            {
                reader.Add($"{path}:{header.Name}", "is given more than once");
            }
        }

        return headers;
    }
}
