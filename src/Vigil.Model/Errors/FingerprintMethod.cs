namespace Vigil.Model;

/// <summary>Which input decided an error group's fingerprint (see Vigil.Grouping).</summary>
public enum FingerprintMethod
{
    /// <summary>An explicit fingerprint attribute such as <c>vigil.fingerprint</c>.</summary>
    Explicit,

    /// <summary>The exception types and the normalized application frames of the stack trace.</summary>
    StackTrace,

    /// <summary>No usable stack: the exception type and the message with variable parts replaced.</summary>
    Message,

    /// <summary>A grouping rule merged the event into a named group.</summary>
    Rule,
}
