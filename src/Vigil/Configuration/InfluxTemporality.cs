namespace Vigil;

/// <summary>Whether the InfluxDB sink writes sums and histograms as running totals or as the change since its last export.</summary>
public enum InfluxTemporality
{
    /// <summary>Running totals since the process started (OpenTelemetry's cumulative temporality).</summary>
    Cumulative = 0,

    /// <summary>The change since the previous export, tagged <c>otel.temporality=delta</c>.</summary>
    Delta = 1,
}
