namespace Vigil.Storage;

/// <summary>
/// The receiving side of <c>vigil push</c>: the positions a store holds for a pushing source, so the pusher resumes
/// after what is already stored. The positions move only in the transaction that stores a batch carrying a
/// <see cref="Vigil.Model.PushMark"/>, so "acknowledged" and "position moved" are one fact.
/// </summary>
public interface IPushTarget : IStore
{
    /// <summary>Every stream's position for <paramref name="source"/>; a stream never pushed is absent (position 0).</summary>
    /// <param name="source">The pushing store's identity.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The position by stream name.</returns>
    Task<IReadOnlyDictionary<string, long>> ReadPushPositionsAsync(string source, CancellationToken cancellationToken = default);
}
