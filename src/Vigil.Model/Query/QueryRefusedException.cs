namespace Vigil.Model;

/// <summary>
/// A query the store will not run because no index can serve it and it would read every record (a
/// search text without a letter or digit); the message says why and what to ask instead. The API answers 400 with it,
/// the CLI prints it as a usage error.
/// </summary>
public sealed class QueryRefusedException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public QueryRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why the query is refused.</param>
    public QueryRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Why the query is refused.</param>
    /// <param name="innerException">The cause.</param>
    public QueryRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
