namespace Vigil;

/// <summary>Which measurements keep an exemplar (the span they were recorded in); the names follow <c>OTEL_METRICS_EXEMPLAR_FILTER</c>.</summary>
public enum ExemplarFilterKind
{
    /// <summary>Measurements recorded inside a sampled span (<c>trace_based</c>): what links a chart's point to a trace.</summary>
    TraceBased,

    /// <summary>No measurement (<c>always_off</c>), OpenTelemetry's own default.</summary>
    AlwaysOff,

    /// <summary>Every measurement (<c>always_on</c>), with or without a span.</summary>
    AlwaysOn,
}
