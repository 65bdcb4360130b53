using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Errors;

/// <summary>Exceptions as applications record them: ERROR log records with exception fields, and span exception events.</summary>
internal static class ErrorSamples
{
    public const string Payment = "Orders.PaymentDeclinedException";
    public const string Database = "Orders.Data.DatabaseUnavailableException";
    public const string Validation = "Orders.Api.OrderValidationException";

    public static LogEntry Exception(
        string type,
        string message,
        string function,
        DateTimeOffset at,
        string service = "orders",
        string release = "1.0.0",
        string? traceId = null) => new()
        {
            Timestamp = at,
            SeverityNumber = 17,
            SeverityText = "Error",
            Body = "Request failed",
            TraceId = traceId,
            SpanId = traceId is null ? null : "00f067aa0ba902b7",
            ExceptionType = type,
            ExceptionMessage = message,
            ExceptionStackTrace = $"{type}: {message}\n   at Orders.Api.{function}(Order order) in /src/Orders/{function}.cs:line 42\n   at Orders.Api.OrdersController.Post(Order order) in /src/Orders/OrdersController.cs:line 17",
            Resource = new TelemetryResource
            {
                Attributes = [new(TelemetryResource.ServiceNameKey, service), new("service.version", release)],
            },
            Scope = new InstrumentationScopeInfo { Name = "Orders.Api" },
        };

    /// <summary>A span whose exception event is the only report of the failure (as OTLP from another language sends it).</summary>
    public static SpanEntry SpanWithException(string type, string message, DateTimeOffset at, string traceId, string service = "billing") => new()
    {
        TraceId = traceId,
        SpanId = "b000000000000001",
        Name = "POST /charge",
        Kind = SpanKind.Server,
        StartTime = at.AddMilliseconds(-20),
        EndTime = at,
        StatusCode = SpanStatusCode.Error,
        Resource = Some.Service(service),
        Events =
        [
            new SpanEventEntry
            {
                Name = "exception",
                Timestamp = at,
                Attributes =
                [
                    new("exception.type", type),
                    new("exception.message", message),
                    new("exception.stacktrace", $"{type}: {message}\n   at Billing.Charges.Charge() in /src/Billing/Charges.cs:line 9"),
                ],
            },
        ],
    };

    /// <summary>Three groups: payment (orders, 3 events, newest), database (orders+billing, 2 events), validation (old).</summary>
    public static async Task WriteThreeGroupsAsync(TempStore store)
    {
        var now = CliHarness.Now;
        await store.WriteLogsAsync(
            Exception(Validation, "Quantity must be positive", "Validate", now.AddHours(-5)),
            Exception(Database, "Connection refused", "Save", now.AddMinutes(-40)),
            Exception(Database, "Connection refused", "Save", now.AddMinutes(-30), service: "billing", release: "2.0.0"),
            Exception(Payment, "Card declined", "Pay", now.AddMinutes(-20), traceId: Some.TraceId),
            Exception(Payment, "Card declined", "Pay", now.AddMinutes(-10), release: "1.1.0", traceId: Some.OtherTraceId),
            Exception(Payment, "Card declined", "Pay", now.AddMinutes(-2), release: "1.1.0"));
    }

    /// <summary>Parses JSON lines output.</summary>
    public static List<JsonElement> JsonLines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>The id of the group of <paramref name="type"/>, read through <c>vigil errors --status all --json</c>.</summary>
    public static async Task<long> IdOfAsync(CliHarness cli, TempStore store, string type)
    {
        var run = await cli.RunAsync("errors", "--status", "all", "--json", "--store", store.Path);
        Assert.Equal(0, run.ExitCode);
        return JsonLines(run.Stdout).Single(g => g.GetProperty("type").GetString() == type).GetProperty("id").GetInt64();
    }
}
