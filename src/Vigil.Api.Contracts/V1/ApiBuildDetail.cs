namespace Vigil.Api.Contracts.V1;

/// <summary><c>GET /api/builds/{traceId}</c>: one build or command and its breakdown, slowest own time first.</summary>
public sealed record ApiBuildDetail
{
    /// <summary>The build, judged against the earlier runs of its task like a <c>GET /api/builds</c> item.</summary>
    public ApiBuild Build { get; init; } = new();

    /// <summary>Its projects, slowest own time first; empty for a command that ran no MSBuild build.</summary>
    public IReadOnlyList<ApiBuildPart> Projects { get; init; } = [];

    /// <summary>Its targets, slowest own time first.</summary>
    public IReadOnlyList<ApiBuildPart> Targets { get; init; } = [];
}
