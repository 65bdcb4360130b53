namespace Vigil.Model;

/// <summary>
/// Where a <c>vigil push</c> batch sits in its source's stream, so the receiving store keeps each batch once. The
/// store holds one position per <see cref="Source"/> and <see cref="Stream"/>; in the transaction that stores the
/// batch it checks that the position is still <see cref="After"/> and moves it to <see cref="Through"/>. A batch
/// whose position has moved on (sent twice, or by two pushes at once) is refused as a whole and nothing is stored.
/// </summary>
/// <param name="Source">The pushing store's identity (its <c>store_identity</c> id).</param>
/// <param name="Stream">Which of its streams: the signal and the push's filter, for example <c>logs</c>.</param>
/// <param name="After">The position the batch starts after: the receiving store's position before it.</param>
/// <param name="Through">The source sequence of the batch's last record: the position after it.</param>
public sealed record PushMark(string Source, string Stream, long After, long Through);
