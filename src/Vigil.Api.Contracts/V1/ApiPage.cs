namespace Vigil.Api.Contracts.V1;

/// <summary>The <c>{"items": [...], "next": ...}</c> envelope every list answer comes in.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record ApiPage<T>
{
    /// <summary>The items.</summary>
    public IReadOnlyList<T> Items { get; init; } = [];

    /// <summary>The cursor past the last item (the <c>after</c> value that continues from this page), or null when there is nothing to continue from.</summary>
    public string? Next { get; init; }
}
