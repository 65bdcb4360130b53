namespace Vigil.Cli;

/// <summary>
/// A usage error found after parsing (e.g. two options that contradict each other).
/// The composition root prints its message as one line and exits with <see cref="ExitCodes.UsageError"/>.
/// </summary>
internal sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> should name the option.</summary>
    public CliUsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CliUsageException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
