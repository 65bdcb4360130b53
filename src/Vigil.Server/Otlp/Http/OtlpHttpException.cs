using Vigil.Server.Ingest;

namespace Vigil.Server.Otlp.Http;

/// <summary>A request the OTLP/HTTP receiver answers with an error status and a message saying what was wrong.</summary>
internal sealed class OtlpHttpException : Exception
{
    public OtlpHttpException(int statusCode, string message, Exception? innerException = null)
        : this(statusCode, ReasonFor(statusCode), message, innerException)
    {
    }

    public OtlpHttpException(int statusCode, OtlpRefusalReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

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

    /// <summary>Why the request was refused, as counted on <c>/metrics</c>.</summary>
    public OtlpRefusalReason Reason { get; }

    /// <summary>The exception the gzip reader raises, for the status that reason gets over HTTP.</summary>
    public static OtlpHttpException For(OtlpRefusalReason reason, string message) => new(StatusFor(reason), reason, message);

    private static int StatusFor(OtlpRefusalReason reason) => reason switch
    {
        OtlpRefusalReason.TooLarge => StatusCodes.Status413PayloadTooLarge,
        OtlpRefusalReason.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        OtlpRefusalReason.Unauthenticated => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status400BadRequest,
    };

    private static OtlpRefusalReason ReasonFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => OtlpRefusalReason.TooLarge,
        StatusCodes.Status415UnsupportedMediaType => OtlpRefusalReason.Unsupported,
        StatusCodes.Status401Unauthorized => OtlpRefusalReason.Unauthenticated,
        StatusCodes.Status408RequestTimeout => OtlpRefusalReason.Aborted,
        _ => OtlpRefusalReason.Malformed,
    };
}
