namespace Vigil.Storage;

/// <summary>The maintenance role: deleting what is past its retention.</summary>
public interface IRetentionStore : IStore
{
    /// <summary>
    /// Runs one retention pass: deletes what is older than <see cref="RetentionOptions.MaxAge"/>, then
    /// the oldest records until the store fits <see cref="RetentionOptions.MaxSizeBytes"/>. Deletes in
    /// small transactions so writers are never stalled for long. The caller schedules passes.
    /// </summary>
    /// <param name="options">The limits.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    /// <returns>What was deleted.</returns>
    Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default);
}
