namespace Vigil.Storage;

/// <summary>
/// A change the store refuses because of what was asked (a silence with no matcher) or of what it holds (an alert
/// that is not firing cannot be acknowledged). The message is written for the person who asked and is shown as is by
/// the API (a problem document's detail) and the CLI; unlike a plain <see cref="ArgumentException"/> it names no
/// parameter, because the person never saw one. It is an <see cref="ArgumentException"/> so that callers of the
/// store roles, whose contracts say "throws ArgumentException", need not change.
/// </summary>
public sealed class ChangeRefusedException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public ChangeRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why the change is refused, for the person who asked.</param>
    public ChangeRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Why the change is refused, for the person who asked.</param>
    /// <param name="innerException">The cause.</param>
    public ChangeRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
