namespace Vigil.Storage;

/// <summary>The store was written by a newer Vigil with a schema this version does not know.</summary>
public sealed class StoreVersionException : StoreException
{
    /// <summary>Creates the exception.</summary>
    public StoreVersionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public StoreVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StoreVersionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a store path.</summary>
    /// <param name="path">The store file.</param>
    /// <param name="message">What went wrong, naming the path.</param>
    /// <param name="innerException">The cause.</param>
    public StoreVersionException(string path, string message, Exception? innerException)
        : base(path, message, innerException)
    {
    }
}
