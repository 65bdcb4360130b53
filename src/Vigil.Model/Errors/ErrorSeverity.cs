namespace Vigil.Model;

/// <summary>How much an error group matters, lowest first (the order is used by filters and comparisons).</summary>
public enum ErrorSeverity
{
    /// <summary>Expected failures such as validation errors.</summary>
    Low = 0,

    /// <summary>The default.</summary>
    Medium = 1,

    /// <summary>Failures that lose work, such as database errors.</summary>
    High = 2,

    /// <summary>Security and data-loss failures.</summary>
    Critical = 3,
}
