namespace Vigil.Api.Contracts.V1;

/// <summary>An RFC 9457 problem document (<c>application/problem+json</c>), the body of every refusal.</summary>
public sealed record ApiProblem
{
    /// <summary>A URI naming the problem type.</summary>
    public string? Type { get; init; }

    /// <summary>The short title (see <see cref="ApiProblemTitles"/>).</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    public int? Status { get; init; }

    /// <summary>What was wrong, in words for the user.</summary>
    public string? Detail { get; init; }

    /// <summary>The request it is about.</summary>
    public string? Instance { get; init; }
}
