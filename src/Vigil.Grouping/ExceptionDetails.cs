namespace Vigil.Grouping;

/// <summary>
/// One exception event as it arrives over OTLP (the <c>exception.*</c> semantic-convention attributes), the
/// input of <see cref="ExceptionFingerprinter"/>.
/// </summary>
public sealed class ExceptionDetails
{
    /// <summary>The exception type (<c>exception.type</c>), e.g. <c>System.InvalidOperationException</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The message (<c>exception.message</c>).</summary>
    public string? Message { get; init; }

    /// <summary>
    /// The stack trace text (<c>exception.stacktrace</c>): .NET's <c>Exception.ToString()</c>, or the Java, Python,
    /// JavaScript (Node) or Go format.
    /// </summary>
    public string? StackTrace { get; init; }

    /// <summary>The other attributes of the event, its span or log record (for explicit fingerprints and rules).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
