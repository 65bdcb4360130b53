using Microsoft.Extensions.Logging;

namespace Vigil.Cli.Commands.Demo;

/// <summary>The demo shop's log messages: every level but Error, each with structured properties (the
/// operation tracker logs the Error, with the exception, when a checkout fails).</summary>
internal static partial class DemoShopLog
{
    [LoggerMessage(Level = LogLevel.Trace, Message = "Cart {CartId} read from cache with {Items} items")]
    public static partial void CartRead(ILogger logger, string cartId, int items);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {Statement} returned {Rows} rows in {ElapsedMs} ms")]
    public static partial void QueryDone(ILogger logger, string statement, int rows, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed: {Items} items worth {Value} EUR")]
    public static partial void OrderPlaced(ILogger logger, string orderId, int items, double value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dependency {Dependency} was slow: {ElapsedMs} ms")]
    public static partial void SlowDependency(ILogger logger, string dependency, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stock for product {ProductId} ran out; {Waiting} orders are waiting for a restock")]
    public static partial void OutOfStock(ILogger logger, int productId, int waiting);
}
