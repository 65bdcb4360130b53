namespace Vigil.Storage;

/// <summary>
/// A query ran longer than <see cref="TelemetryStoreOptions.QueryTimeout"/> and was stopped; the message says so and
/// how to narrow it. The store itself is fine.
/// </summary>
public sealed class StoreQueryTimeoutException : StoreException
{
    /// <summary>Creates the exception.</summary>
    public StoreQueryTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public StoreQueryTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StoreQueryTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a store path.</summary>
    /// <param name="path">The store file.</param>
    /// <param name="message">What went wrong, naming the path.</param>
    /// <param name="innerException">The cause.</param>
    public StoreQueryTimeoutException(string path, string message, Exception? innerException)
        : base(path, message, innerException)
    {
    }
}
