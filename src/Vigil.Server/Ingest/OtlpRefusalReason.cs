namespace Vigil.Server.Ingest;

/// <summary>Why an OTLP request was refused before its records reached the ingest path; a label on <c>/metrics</c>.</summary>
internal enum OtlpRefusalReason
{
    /// <summary>The message is larger than the limit, as received or after decompression.</summary>
    TooLarge,

    /// <summary>The body is not a valid export request: bad protobuf, JSON or gzip.</summary>
    Malformed,

    /// <summary>A content type or encoding the receiver does not take.</summary>
    Unsupported,

    /// <summary>The body did not arrive: the sender hung up, or sent too slowly.</summary>
    Aborted,

    /// <summary>The API key was missing or wrong.</summary>
    Unauthenticated,
}
