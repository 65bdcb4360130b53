namespace Vigil.Cli;

/// <summary>The process exit codes <c>vigil</c> documents in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (an empty result is still success).</summary>
    public const int Success = 0;

    /// <summary>Bad arguments, or an unexpected failure.</summary>
    public const int UsageError = 1;

    /// <summary>The store could not be opened: missing, corrupt, or not writable when a write was needed.</summary>
    public const int StoreUnavailable = 2;

    /// <summary>A thing asked for by id or name does not exist (e.g. <c>vigil traces ID</c>).</summary>
    public const int NotFound = 3;

    /// <summary>A notification channel did not deliver (<c>vigil alerts test CHANNEL</c>).</summary>
    public const int DeliveryFailed = 4;
}
