namespace Vigil.Api.Contracts.V1;

/// <summary>The answer to one pushed batch (<c>POST /api/v1/push/{signal}</c>): stored, and the stream's new position.</summary>
public sealed record ApiPushResult
{
    /// <summary>How many records were stored.</summary>
    public long Accepted { get; init; }

    /// <summary>How many records the server refused as invalid (the position moves past them all the same).</summary>
    public long Rejected { get; init; }

    /// <summary>The first reason a record was refused; null when none was.</summary>
    public string? RejectedReason { get; init; }

    /// <summary>The stream's position after this batch.</summary>
    public long Position { get; init; }
}
