using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// One exception found in a written batch, fingerprinted and classified, ready for a storage engine to add to its
/// group (see <see cref="ErrorExtractor"/>).
/// </summary>
internal sealed record ErrorOccurrence
{
    public DateTimeOffset Timestamp { get; init; }

    public ErrorEventSource Source { get; init; }

    /// <summary>Lowercase hex, or null outside a trace.</summary>
    public string? TraceId { get; init; }

    /// <summary>Lowercase hex, or null.</summary>
    public string? SpanId { get; init; }

    /// <summary>The exception object's identity (<see cref="ExceptionIdentity"/>), or null when the report has none.</summary>
    public string? ExceptionId { get; init; }

    public string? ServiceName { get; init; }

    public string? Release { get; init; }

    /// <summary>The full type name when the stack text gives it, else <c>exception.type</c> as sent.</summary>
    public string Type { get; init; } = string.Empty;

    public string? Message { get; init; }

    public string? StackTrace { get; init; }

    public required ExceptionFingerprint Fingerprint { get; init; }

    /// <summary>The severity the rules give it (before any spike).</summary>
    public ErrorSeverity Severity { get; init; }
}
