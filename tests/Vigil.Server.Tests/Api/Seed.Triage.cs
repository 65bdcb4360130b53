using Vigil.Model;

namespace Vigil.Server.Tests.Api;

/// <summary>Health results and exceptions, in the shapes the store extracts them from.</summary>
internal static partial class Seed
{
    /// <summary>A health check result as the SDK sends it: a <c>vigil.health.check</c> log record.</summary>
    public static LogEntry HealthCheck(string name, string status, string service = "orders", int minutesAgo = 1, double durationMilliseconds = 12.5, params KeyValuePair<string, object?>[] data) => new()
    {
        Timestamp = Now.AddMinutes(-minutesAgo),
        SeverityNumber = status == "healthy" ? 9 : 13,
        EventName = HealthLogRecord.EventName,
        Body = $"{name} is {status}",
        Attributes =
        [
            new(HealthLogRecord.Name, name),
            new(HealthLogRecord.Status, status),
            new(HealthLogRecord.DurationMilliseconds, durationMilliseconds),
            .. data.Select(d => new KeyValuePair<string, object?>(HealthLogRecord.DataPrefix + d.Key, d.Value)),
        ],
        Resource = Service(service),
    };

    /// <summary>A probe result as the server writes it, straight into the batch.</summary>
    public static HealthResult Probe(string name, HealthStatus status, HealthStatus observed, int minutesAgo = 1, string? description = null, TimeSpan? interval = null) => new()
    {
        Name = name,
        Kind = HealthSourceKind.Probe,
        ServiceName = "vigil",
        Status = status,
        Observed = observed,
        Timestamp = Now.AddMinutes(-minutesAgo),
        Duration = TimeSpan.FromMilliseconds(40),
        Description = description,
        Interval = interval,
        Data = [new("http.response.status_code", 503L)],
    };

    /// <summary>An error log record carrying an exception, as ILogger with an exception produces it.</summary>
    public static LogEntry ExceptionLog(string type, string message, string stackTrace, string service = "orders", string release = "1.0.0", int minutesAgo = 1, string? traceId = null) => new()
    {
        Timestamp = Now.AddMinutes(-minutesAgo),
        SeverityNumber = 17,
        SeverityText = "Error",
        Body = message,
        TraceId = traceId,
        SpanId = traceId is null ? null : "00f067aa0ba902b7",
        ExceptionType = type,
        ExceptionMessage = message,
        ExceptionStackTrace = stackTrace,
        Resource = new() { Attributes = [new(TelemetryResource.ServiceNameKey, service), new("service.version", release)] },
    };

    public const string OrderStack =
        "System.InvalidOperationException: order 42 has no lines\n" +
        "   at Shop.Orders.OrderService.PlaceAsync(Order order) in /src/Shop/Orders/OrderService.cs:line 31\n" +
        "   at Shop.Api.OrdersController.Post(OrderDto dto) in /src/Shop/Api/OrdersController.cs:line 18";

    public const string DatabaseStack =
        "Microsoft.Data.SqlClient.SqlException: Timeout expired\n" +
        "   at Microsoft.Data.SqlClient.SqlCommand.ExecuteReader()\n" +
        "   at Shop.Billing.InvoiceRepository.Load(Int32 id) in /src/Shop/Billing/InvoiceRepository.cs:line 77";
}
