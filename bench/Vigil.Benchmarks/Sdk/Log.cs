using Microsoft.Extensions.Logging;

namespace Vigil.Benchmarks.Sdk;

/// <summary>The log calls measured: generated, with two structured properties, as application code should write them.</summary>
internal static partial class Log
{
    public const string ShippedTemplate = "Order {OrderId} shipped to {Country}";

    [LoggerMessage(EventId = 1, EventName = "OrderShipped", Level = LogLevel.Information, Message = ShippedTemplate)]
    public static partial void OrderShipped(ILogger logger, int orderId, string country);

    [LoggerMessage(EventId = 2, EventName = "OrderPacked", Level = LogLevel.Debug, Message = "Order {OrderId} packed in {Warehouse}")]
    public static partial void OrderPacked(ILogger logger, int orderId, string warehouse);
}
