using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// The checks every engine makes before it stores a silence or an acknowledgement, written once so that SQLite and
/// PostgreSQL refuse the same changes in the same words (the contract tests assert the words).
/// </summary>
public static class AlertChangeChecks
{
    /// <summary>Refuses a silence with no matcher (it would silence every alert) or one that ends before it starts.</summary>
    /// <param name="silence">The silence to create.</param>
    /// <exception cref="ChangeRefusedException">The silence cannot be stored.</exception>
    public static void Silence(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        ArgumentNullException.ThrowIfNull(silence.Matchers, nameof(silence));
        if (silence.Matchers.Count == 0)
        {
            throw new ChangeRefusedException("A silence needs at least one label matcher, or it would silence every alert.");
        }

        if (silence.EndsAt <= silence.StartsAt)
        {
            throw new ChangeRefusedException($"A silence must end after it starts (it starts at {silence.StartsAt:O} and ends at {silence.EndsAt:O}).");
        }
    }

    /// <summary>Refuses an acknowledgement that names no one.</summary>
    /// <param name="acknowledgement">The acknowledgement.</param>
    /// <exception cref="ChangeRefusedException">It names no one.</exception>
    public static void Acknowledgement(AlertAcknowledgement acknowledgement)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        if (string.IsNullOrWhiteSpace(acknowledgement.By))
        {
            throw new ChangeRefusedException("An acknowledgement needs to say who made it (By).");
        }
    }

    /// <summary>Refuses acknowledging an alert that is not firing.</summary>
    /// <param name="id">The alert's id.</param>
    /// <param name="state">Its state as stored.</param>
    /// <exception cref="ChangeRefusedException">It is not firing.</exception>
    public static void Acknowledgeable(long id, AlertState state)
    {
        if (state != AlertState.Firing)
        {
            throw new ChangeRefusedException($"Alert {id} is {state.ToString().ToLowerInvariant()}, not firing: only a firing alert can be acknowledged.");
        }
    }
}
