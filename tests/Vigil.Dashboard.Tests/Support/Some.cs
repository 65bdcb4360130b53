using Vigil.Model;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>Records around the real clock (the dashboard asks for "the last hour" of the server's now).</summary>
internal static class Some
{
    public static TelemetryResource Service(string name) => new() { Attributes = [new(TelemetryResource.ServiceNameKey, name)] };

    public static LogEntry Log(string body, DateTimeOffset at, string service = "orders", int severity = 9, string? traceId = null, params KeyValuePair<string, object?>[] attributes) => new()
    {
        Timestamp = at,
        SeverityNumber = severity,
        SeverityText = severity >= 17 ? "Error" : severity >= 13 ? "Warning" : "Information",
        Body = body,
        TraceId = traceId,
        SpanId = traceId is null ? null : "00f067aa0ba902b7",
        Attributes = attributes,
        Resource = Service(service),
    };

    public static SpanEntry Span(string traceId, string spanId, string? parent, string name, string service, DateTimeOffset start, TimeSpan duration, SpanStatusCode status = SpanStatusCode.Unset) => new()
    {
        TraceId = traceId,
        SpanId = spanId,
        ParentSpanId = parent,
        Name = name,
        Kind = parent is null ? SpanKind.Server : SpanKind.Internal,
        StartTime = start,
        EndTime = start + duration,
        StatusCode = status,
        Resource = Service(service),
    };

    /// <summary>A 32-hex-digit trace id from a number.</summary>
    public static string TraceId(int n) => n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A 16-hex-digit span id from a number.</summary>
    public static string SpanId(int n) => n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public static LogEntry ExceptionLog(string type, string message, DateTimeOffset at, string service = "orders") => new()
    {
        Timestamp = at,
        SeverityNumber = 17,
        SeverityText = "Error",
        Body = message,
        ExceptionType = type,
        ExceptionMessage = message,
        ExceptionStackTrace = $"{type}: {message}\n   at Shop.Orders.OrderService.PlaceAsync(Order order) in /src/Shop/Orders/OrderService.cs:line 31",
        Resource = new() { Attributes = [new(TelemetryResource.ServiceNameKey, service), new("service.version", "1.0.0")] },
    };
}
