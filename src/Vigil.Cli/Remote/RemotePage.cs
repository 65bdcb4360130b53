namespace Vigil.Cli.Remote;

/// <summary>The <c>{"items": [...], "next": ...}</c> envelope the query API answers lists with.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed record RemotePage<T>
{
    public IReadOnlyList<T> Items { get; init; } = [];

    public string? Next { get; init; }
}
