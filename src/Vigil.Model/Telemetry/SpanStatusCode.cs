namespace Vigil.Model;

/// <summary>The OpenTelemetry span status; numeric values match OTLP.</summary>
public enum SpanStatusCode
{
    /// <summary>No status was set.</summary>
    Unset = 0,

    /// <summary>The operation was marked successful.</summary>
    Ok = 1,

    /// <summary>The operation failed.</summary>
    Error = 2,
}
