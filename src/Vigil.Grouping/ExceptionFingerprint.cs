using Vigil.Model;

namespace Vigil.Grouping;

/// <summary>The group an exception event belongs to, and how it was decided.</summary>
public sealed class ExceptionFingerprint
{
    /// <summary>The fingerprint: lower-case hex SHA-256 of <see cref="Components"/> joined by line feeds.</summary>
    public required string Value { get; init; }

    /// <summary>Which input decided the group.</summary>
    public required FingerprintMethod Method { get; init; }

    /// <summary>The normalized parts that were hashed, in order (for debugging and <c>docs/errors.md</c>).</summary>
    public required IReadOnlyList<string> Components { get; init; }

    /// <summary>The top application frame of the root-cause exception (<c>Namespace.Type.Function</c>), if any.</summary>
    public string? Culprit { get; init; }
}
