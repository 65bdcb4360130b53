using System.Text;

namespace Vigil.Server.Influx;

/// <summary>What the line-protocol endpoints need from the server's composition: the body limit and the API key, if any.</summary>
internal sealed class InfluxReceiver(long maxRequestBodyBytes, string? apiKey)
{
    public long MaxRequestBodyBytes { get; } = maxRequestBodyBytes;

    /// <summary>The API key as UTF-8, or null when the server takes requests without one.</summary>
    public byte[]? ApiKey { get; } = string.IsNullOrEmpty(apiKey) ? null : Encoding.UTF8.GetBytes(apiKey);
}
