namespace Vigil.Server.Otlp.Http;

/// <summary>A request the OTLP/HTTP receiver answers with an error status and a message saying what was wrong.</summary>
internal sealed class OtlpHttpException : Exception
{
    public OtlpHttpException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    public OtlpHttpException()
        : this(StatusCodes.Status400BadRequest, "Bad request.")
    {
    }

    public OtlpHttpException(string message)
        : this(StatusCodes.Status400BadRequest, message)
    {
    }

    public OtlpHttpException(string message, Exception innerException)
        : this(StatusCodes.Status400BadRequest, message, innerException)
    {
    }

    public int StatusCode { get; }
}
