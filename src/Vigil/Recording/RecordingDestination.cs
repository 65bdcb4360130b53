namespace Vigil.Recording;

/// <summary>
/// Where a recording tool writes (<c>vigil exec</c>, the MSBuild logger): a store file (created when absent, like any
/// application's local store), or an OTLP endpoint (<c>vigil serve</c>'s OTLP/HTTP port 4318, or any collector).
/// </summary>
internal sealed record RecordingDestination(string? StorePath, Uri? OtlpEndpoint)
{
    /// <summary>What the stderr note and the docs call it.</summary>
    public string Describe() => OtlpEndpoint is { } endpoint ? $"OTLP {endpoint}" : StorePath ?? "the local store";

    /// <summary>Points the SDK's sinks here and nowhere else (a null store path is the SDK's default local store).</summary>
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
            if (StorePath is not null)
            {
                options.Store.Path = StorePath;
            }
        }
    }
}
