using Vigil.Storage.Configuration;

namespace Vigil.Server.Probes;

/// <summary>The words for <see cref="ProbeKind"/> in configuration and output: lower case out, case-insensitive in, never a number.</summary>
internal static class ProbeKindNames
{
    /// <summary>The kinds as written in configuration.</summary>
    public const string Allowed = "http, tcp or command";

    /// <summary>How configuration reads a kind.</summary>
    public static ConfigurationScalar Scalar { get; } = new(
        $"a probe kind: {Allowed}",
        text => text.Trim().ToUpperInvariant() switch
        {
            "HTTP" => nameof(ProbeKind.Http),
            "TCP" => nameof(ProbeKind.Tcp),
            "COMMAND" => nameof(ProbeKind.Command),
            _ => null,
        });

    /// <summary>The kind as configuration spells it.</summary>
    public static string Text(ProbeKind kind) => kind switch
    {
        ProbeKind.Http => "http",
        ProbeKind.Tcp => "tcp",
        _ => "command",
    };
}
