namespace Vigil.Model;

/// <summary>Where an exception event was found in the telemetry.</summary>
public enum ErrorEventSource
{
    /// <summary>A log record carrying <c>exception.*</c> fields.</summary>
    Log = 0,

    /// <summary>A span event named <c>exception</c>.</summary>
    SpanEvent = 1,
}
