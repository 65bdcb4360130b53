namespace Vigil.Model;

/// <summary>Where an error group stands in its triage.</summary>
public enum ErrorGroupStatus
{
    /// <summary>Needs attention: new, reopened, or never triaged.</summary>
    Unresolved = 0,

    /// <summary>Marked fixed; a new event reopens it as a regression (see <see cref="ErrorGroup.ResolvedInNextRelease"/>).</summary>
    Resolved = 1,

    /// <summary>Silenced, for ever or until a number of events or a time (see <see cref="ErrorGroup.IgnoredUntil"/>).</summary>
    Ignored = 2,
}
