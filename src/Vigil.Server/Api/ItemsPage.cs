namespace Vigil.Server.Api;

/// <summary>A page of results; <see cref="Next"/>, when set, is the <c>after</c> value that continues from this page.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items.</param>
/// <param name="Next">The cursor past the last item, or null when there is nothing to continue from.</param>
internal sealed record ItemsPage<T>(IReadOnlyList<T> Items, string? Next);
