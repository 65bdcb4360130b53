namespace Vigil.Server.Dialects;

/// <summary>
/// A request of a foreign ingest protocol (Sentry, InfluxDB) refused before its records reached the ingest path,
/// with the HTTP status to answer; each receiver writes the message in its own protocol's error shape.
/// </summary>
internal sealed class DialectRequestException : Exception
{
    public DialectRequestException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    public DialectRequestException()
        : this(StatusCodes.Status400BadRequest, "The request is not valid.")
    {
    }

    public DialectRequestException(string message)
        : this(StatusCodes.Status400BadRequest, message)
    {
    }

    public DialectRequestException(string message, Exception innerException)
        : this(StatusCodes.Status400BadRequest, message, innerException)
    {
    }

    public int StatusCode { get; }

    public static DialectRequestException Bad(string message, Exception? innerException = null) => new(StatusCodes.Status400BadRequest, message, innerException);

    public static DialectRequestException TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, message);
}
