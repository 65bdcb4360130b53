namespace Vigil.Storage;

/// <summary>A store could not be opened or used; the message names the file.</summary>
public class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a store path.</summary>
    /// <param name="path">The store file.</param>
    /// <param name="message">What went wrong, naming the path.</param>
    /// <param name="innerException">The cause.</param>
    public StoreException(string path, string message, Exception? innerException)
        : base(message, innerException)
    {
        StorePath = path;
    }

    /// <summary>The store file, when known.</summary>
    public string? StorePath { get; }
}
