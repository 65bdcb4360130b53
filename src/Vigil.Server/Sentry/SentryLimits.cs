namespace Vigil.Server.Sentry;

/// <summary>
/// The limits Sentry's own ingestion (Relay) sets, so an SDK tuned for Sentry never meets a smaller one here:
/// 20 MB as received, 100 MB after decompression, 1 MB per event (develop.sentry.dev, "Envelopes", size limits).
/// </summary>
internal static class SentryLimits
{
    public const long MaxCompressedBytes = 20L * 1000 * 1000;

    public const long MaxDecompressedBytes = 100L * 1000 * 1000;

    public const int MaxEventBytes = 1000 * 1000;

    /// <summary>Deeper JSON is refused: events nest contexts and extra data, but never this far.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Breadcrumbs kept per event; the SDKs keep 100 by default.</summary>
    public const int MaxBreadcrumbs = 200;

    /// <summary>How long a refused sender should wait; the queue usually drains within one commit.</summary>
    public const int RetryAfterSeconds = 1;
}
