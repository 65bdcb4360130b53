namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Where <c>vigil exec</c> writes: a store file (created when absent, like any application's local store), or an OTLP
/// endpoint (<c>vigil serve</c>'s OTLP/HTTP port 4318, or any collector).
/// </summary>
internal sealed record ExecDestination(string? StorePath, Uri? OtlpEndpoint)
{
    /// <summary>What the stderr note and the docs call it.</summary>
    public string Describe() => OtlpEndpoint is { } endpoint ? $"OTLP {endpoint}" : StorePath!;

    /// <summary>Points the SDK's sinks here and nowhere else.</summary>
    public void ApplyTo(VigilOptions options)
    {
        if (OtlpEndpoint is { } endpoint)
        {
            options.Otlp.Enabled = true;
            options.Otlp.Endpoint = endpoint;
            options.Otlp.Protocol = OtlpProtocol.HttpProtobuf;
            options.Store.Enabled = false;
        }
        else
        {
            options.Otlp.Enabled = false;
            options.Store.Enabled = true;
            options.Store.Path = StorePath;
        }
    }
}
