namespace Vigil;

/// <summary>Stands for the cause of an operation that was marked failed without an exception.</summary>
public sealed class OperationFailedException : Exception
{
    /// <summary>Creates the exception for the named operation.</summary>
    public OperationFailedException(string operation)
        : base($"Operation '{operation}' was marked as failed.")
    {
    }
}
