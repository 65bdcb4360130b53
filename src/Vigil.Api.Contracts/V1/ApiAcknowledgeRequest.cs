namespace Vigil.Api.Contracts.V1;

/// <summary>The body of <c>POST /api/alerts/{id}/ack</c>.</summary>
public sealed record ApiAcknowledgeRequest
{
    /// <summary>Who acknowledges (required).</summary>
    public string By { get; init; } = string.Empty;

    /// <summary>A comment, if any.</summary>
    public string? Comment { get; init; }
}
