namespace Vigil.Storage;

/// <summary>
/// A pushed batch starts somewhere other than where the store's position for its stream is: it was stored already
/// (sent twice) or another push moved the position. Nothing of the batch is stored. Not a fault of the store, so
/// ingest does not count it as one; the pusher reads the positions again and continues from there.
/// </summary>
public sealed class PushConflictException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public PushConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What conflicted.</param>
    public PushConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The cause.</param>
    public PushConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
