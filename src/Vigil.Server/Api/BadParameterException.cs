namespace Vigil.Server.Api;

/// <summary>A query parameter that cannot be used; its message names the parameter and becomes a 400 problem.</summary>
internal sealed class BadParameterException : Exception
{
    public BadParameterException(string message)
        : base(message)
    {
    }

    public BadParameterException()
    {
    }

    public BadParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
