using Vigil.Model;

namespace Vigil.Storage;

/// <summary>The rule every engine applies to a batch's push marks, inside the batch's transaction.</summary>
public static class PushPositions
{
    /// <summary>The longest source or stream name a store keeps.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Checks a mark's shape before it reaches a store: names present and short, positions in order.</summary>
    /// <param name="mark">The mark.</param>
    /// <returns>Why the mark is malformed; null when it is well formed.</returns>
    public static string? Problem(PushMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        if (string.IsNullOrWhiteSpace(mark.Source) || mark.Source.Length > MaxNameLength)
        {
            return $"the push source must be 1 to {MaxNameLength} characters";
        }

        if (string.IsNullOrWhiteSpace(mark.Stream) || mark.Stream.Length > MaxNameLength)
        {
            return $"the push stream must be 1 to {MaxNameLength} characters";
        }

        if (mark.After < 0 || mark.Through <= mark.After)
        {
            return $"the push positions must satisfy 0 <= after < through (got after {mark.After}, through {mark.Through})";
        }

        return null;
    }

    /// <summary>
    /// Throws when <paramref name="current"/> (the stored position, 0 when none) is not where <paramref name="mark"/>
    /// starts: the batch was stored before, or another push moved on.
    /// </summary>
    /// <param name="mark">The batch's mark.</param>
    /// <param name="current">The stored position.</param>
    /// <exception cref="PushConflictException">The positions disagree.</exception>
    public static void Check(PushMark mark, long current)
    {
        ArgumentNullException.ThrowIfNull(mark);
        if (Problem(mark) is { } problem)
        {
            throw new PushConflictException($"Push batch refused: {problem}.");
        }

        if (current != mark.After)
        {
            throw new PushConflictException(
                $"Push batch refused: stream '{mark.Stream}' of source '{mark.Source}' is at position {current}, the batch starts after {mark.After}; nothing was stored.");
        }
    }
}
