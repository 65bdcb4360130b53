namespace Vigil.Model;

/// <summary>Who produced a health result.</summary>
public enum HealthSourceKind
{
    /// <summary>A health check registered in an application and run by the Vigil SDK.</summary>
    Check = 0,

    /// <summary>A synthetic probe (HTTP, TCP, command) run by <c>vigil serve</c>.</summary>
    Probe = 1,
}
