namespace Vigil.Cli.Commands.Demo;

/// <summary>What the demo's payment provider throws now and then, so an error shows up with a stack trace.</summary>
internal sealed class DemoPaymentDeclinedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DemoPaymentDeclinedException()
        : base("The card was declined.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DemoPaymentDeclinedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DemoPaymentDeclinedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
