namespace Vigil.Model;

/// <summary>Where a <see cref="Silence"/> is in time, as Alertmanager names it.</summary>
public enum SilenceState
{
    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>In force.</summary>
    Active,

    /// <summary>Over, or expired by hand.</summary>
    Expired,
}
