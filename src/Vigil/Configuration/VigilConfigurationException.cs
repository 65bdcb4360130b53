namespace Vigil;

/// <summary>
/// Thrown at start-up when Vigil's configuration is invalid. The message lists every problem, one a line,
/// each naming the key, the bad value, where it came from and what is allowed.
/// </summary>
public sealed class VigilConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public VigilConfigurationException(IReadOnlyList<string> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for one problem caused by another exception.</summary>
    public VigilConfigurationException(string error, Exception innerException)
        : base(FormatMessage([error]), innerException)
    {
        Errors = [error];
    }

    /// <summary>Each problem found, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(IReadOnlyList<string> errors) =>
        errors.Count == 1
            ? $"Invalid Vigil configuration: {errors[0]}"
            : $"Invalid Vigil configuration ({errors.Count} problems):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", errors)}";
}
