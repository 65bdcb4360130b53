namespace Vigil.Sentry;

/// <summary>The Sentry SDK's options for Vigil's <c>Errors:Sentry</c> section.</summary>
internal static class SentryClientOptions
{
    /// <summary>The client's options; null when no DSN is configured (<c>Errors:Sentry:Dsn</c>, or <c>SENTRY_DSN</c> through Vigil's configuration).</summary>
    public static SentryOptions? From(VigilOptions options)
    {
        var sentry = options.Errors.Sentry;
        if (string.IsNullOrWhiteSpace(sentry.Dsn))
        {
            return null;
        }

        return new SentryOptions
        {
            Dsn = sentry.Dsn,
            Environment = sentry.Environment ?? options.Service.Environment,
            Release = options.Service.Name is { } name && options.Service.Version is { } version ? $"{name}@{version}" : null,

            // Full type names in frames, as the exception's own text has them: the same failure then groups alike in
            // Sentry, in vigil serve's Sentry endpoint and from OTLP (docs/dialects.md, "Grouping").
            StackTraceMode = StackTraceMode.Original,

            // Vigil reports what it captured; sessions, the global hub and the SDK's own crash handlers stay the app's.
            AutoSessionTracking = false,
            IsGlobalModeEnabled = false,
            SendDefaultPii = false,
        };
    }
}
