namespace Vigil.Cli;

/// <summary>Recognises the storage engine's "cannot open the store" failures (exit code 2).</summary>
internal static class StoreErrors
{
    /// <summary>When <paramref name="exception"/> means the store cannot be opened, a one-line message naming the path.</summary>
    public static bool TryDescribe(Exception exception, out string message)
    {
        ArgumentNullException.ThrowIfNull(exception);
        message = string.Empty;
        return false;
    }
}
