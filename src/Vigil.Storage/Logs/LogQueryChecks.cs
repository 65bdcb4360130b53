using Vigil.Model;

namespace Vigil.Storage.Logs;

/// <summary>The checks of a <see cref="LogQuery"/> every engine makes the same way, in the same words.</summary>
public static class LogQueryChecks
{
    /// <summary>
    /// A query pages one way: forward after a sequence (a follower) or back before one (a reader of older records),
    /// never both, since the two order and limit the matches differently.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentException">Both <see cref="LogQuery.AfterSequence"/> and <see cref="LogQuery.BeforeSequence"/> are set.</exception>
    public static void ThrowIfBothCursors(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.AfterSequence is not null && query.BeforeSequence is not null)
        {
            throw new ArgumentException("A log query pages after a sequence or before one, not both.", nameof(query));
        }
    }
}
