namespace Vigil.Cli.Commands.Metrics;

/// <summary>The output formats of <c>vigil metrics</c>.</summary>
internal enum MetricFormat
{
    /// <summary>Aligned columns for humans.</summary>
    Table,

    /// <summary>One JSON object per line.</summary>
    Json,

    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,

    /// <summary>Prometheus text exposition format 0.0.4.</summary>
    Prometheus,

    /// <summary>InfluxDB line protocol (each series' latest point only).</summary>
    Influx,
}
