namespace Vigil.Model;

/// <summary>The OpenTelemetry span kind; numeric values match OTLP.</summary>
public enum SpanKind
{
    /// <summary>Not given.</summary>
    Unspecified = 0,

    /// <summary>An internal operation.</summary>
    Internal = 1,

    /// <summary>Handling a remote request.</summary>
    Server = 2,

    /// <summary>A call to a remote service.</summary>
    Client = 3,

    /// <summary>Sending a message.</summary>
    Producer = 4,

    /// <summary>Receiving a message.</summary>
    Consumer = 5,
}
