using Vigil.Storage.Builds;
using System.Globalization;

namespace Vigil.MSBuild;

/// <summary>
/// The logger's parameters, after the assembly in <c>-logger:Vigil.MSBuild.dll;minTargetMs=50;tasks=true</c>:
/// <c>minProjectMs</c>, <c>minTargetMs</c> and <c>minTaskMs</c> (spans shorter than these are left out), <c>tasks</c>
/// (record task spans), <c>store</c> (a store file) or <c>otlp</c> (an OTLP/HTTP endpoint), and <c>service</c>.
/// </summary>
internal sealed record LoggerParameters
{
    public const int DefaultMinTargetMilliseconds = 50;

    public int MinProjectMilliseconds { get; init; }

    public int MinTargetMilliseconds { get; init; } = DefaultMinTargetMilliseconds;

    public int MinTaskMilliseconds { get; init; } = DefaultMinTargetMilliseconds;

    public bool Tasks { get; init; }

    public string? StorePath { get; init; }

    public Uri? OtlpEndpoint { get; init; }

    public string ServiceName { get; init; } = MSBuildSemantics.DefaultServiceName;

    /// <summary>Reads <paramref name="text"/> (<c>key=value</c> pairs split by <c>;</c>); throws naming the bad key or value.</summary>
    /// <exception cref="FormatException">A key is unknown or a value is not what the key takes.</exception>
    public static LoggerParameters Parse(string? text)
    {
        var parameters = new LoggerParameters();
        foreach (var part in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals].Trim();
            var value = equals < 0 ? string.Empty : part[(equals + 1)..].Trim();
            parameters = key.ToUpperInvariant() switch
            {
                "MINPROJECTMS" => parameters with { MinProjectMilliseconds = Milliseconds(key, value) },
                "MINTARGETMS" => parameters with { MinTargetMilliseconds = Milliseconds(key, value) },
                "MINTASKMS" => parameters with { MinTaskMilliseconds = Milliseconds(key, value) },
                "TASKS" => parameters with { Tasks = Flag(key, value) },
                "STORE" => parameters with { StorePath = NonEmpty(key, value) },
                "OTLP" => parameters with { OtlpEndpoint = Endpoint(key, value) },
                "SERVICE" => parameters with { ServiceName = NonEmpty(key, value) },
                _ => throw new FormatException($"Vigil.MSBuild: unknown parameter '{key}' (known: minProjectMs, minTargetMs, minTaskMs, tasks, store, otlp, service)"),
            };
        }

        return parameters.StorePath is not null && parameters.OtlpEndpoint is not null
            ? throw new FormatException("Vigil.MSBuild: give store or otlp, not both")
            : parameters;
    }

    private static int Milliseconds(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : throw new FormatException($"Vigil.MSBuild: {key}='{value}' is not a whole number of milliseconds (e.g. {key}=50)");

    private static bool Flag(string key, string value) => value.ToUpperInvariant() switch
    {
        "" or "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => throw new FormatException($"Vigil.MSBuild: {key}='{value}' is not true or false"),
    };

    private static string NonEmpty(string key, string value) =>
        value.Length > 0 ? value : throw new FormatException($"Vigil.MSBuild: {key} needs a value ({key}=...)");

    private static Uri Endpoint(string key, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"Vigil.MSBuild: {key}='{value}' is not an http:// or https:// URL (e.g. http://127.0.0.1:4318)");
}
