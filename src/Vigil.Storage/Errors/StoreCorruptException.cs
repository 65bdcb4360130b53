namespace Vigil.Storage;

/// <summary>The store file is not a valid store, or is damaged.</summary>
public sealed class StoreCorruptException : StoreException
{
    /// <summary>Creates the exception.</summary>
    public StoreCorruptException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public StoreCorruptException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StoreCorruptException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a store path.</summary>
    /// <param name="path">The store file.</param>
    /// <param name="message">What went wrong, naming the path.</param>
    /// <param name="innerException">The cause.</param>
    public StoreCorruptException(string path, string message, Exception? innerException)
        : base(path, message, innerException)
    {
    }
}
