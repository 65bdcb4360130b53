namespace Vigil.Server.Api;

/// <summary>
/// A request body that cannot be used; its message names the field (or <c>body</c>, or the header) and it becomes a
/// problem with <see cref="StatusCode"/>: 400 for a bad value, 413 for a body too large, 415 for a body not JSON.
/// </summary>
internal sealed class BadBodyException : Exception
{
    public BadBodyException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public BadBodyException()
    {
    }

    public BadBodyException(string message)
        : base(message)
    {
    }

    public BadBodyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int StatusCode { get; } = StatusCodes.Status400BadRequest;
}
