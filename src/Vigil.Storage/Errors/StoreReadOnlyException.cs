namespace Vigil.Storage;

/// <summary>The store must be written but the file or its folder is read-only.</summary>
public sealed class StoreReadOnlyException : StoreException
{
    /// <summary>Creates the exception.</summary>
    public StoreReadOnlyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public StoreReadOnlyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StoreReadOnlyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a store path.</summary>
    /// <param name="path">The store file.</param>
    /// <param name="message">What went wrong, naming the path.</param>
    /// <param name="innerException">The cause.</param>
    public StoreReadOnlyException(string path, string message, Exception? innerException)
        : base(path, message, innerException)
    {
    }
}
