namespace Vigil.Api.Contracts.V1;

/// <summary>
/// The headers of a pushed batch (<c>POST /api/push/{logs|traces|metrics}</c>, an OTLP/HTTP protobuf body) and of a
/// conflict's answer; docs/api.md "Push".
/// </summary>
public static class ApiPushHeaders
{
    /// <summary>The pushing store's identity.</summary>
    public const string Source = "Vigil-Push-Source";

    /// <summary>The stream the batch belongs to (<c>logs</c>, <c>spans</c>, <c>points</c>, with the push's filter).</summary>
    public const string Stream = "Vigil-Push-Stream";

    /// <summary>The position the batch starts after.</summary>
    public const string After = "Vigil-Push-After";

    /// <summary>The source sequence of the batch's last record.</summary>
    public const string Through = "Vigil-Push-Through";

    /// <summary>On a 409: where the stream's position is, so the pusher continues after it.</summary>
    public const string Position = "Vigil-Push-Position";

    /// <summary>The query parameter of <c>GET /api/push/positions</c>.</summary>
    public const string SourceParameter = "source";
}
