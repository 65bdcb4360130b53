using Microsoft.Extensions.Logging;

namespace Vigil.Cli.Commands.Demo;

/// <summary>The demo shop's log messages: every level but Error, each with structured properties (the
/// operation tracker logs the Error, with the exception, when a checkout fails).</summary>
internal static partial class DemoShopLog
{
    [LoggerMessage(Level = LogLevel.Trace, Message = "Cart {CartId} read from cache; items: {Items}")]
    public static partial void CartRead(ILogger logger, string cartId, int items);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {Statement} took {ElapsedMs:0.0} ms; rows: {Rows}")]
    public static partial void QueryDone(ILogger logger, string statement, int rows, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed worth {Value:0.00} EUR; items: {Items}")]
    public static partial void OrderPlaced(ILogger logger, string orderId, int items, double value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dependency {Dependency} was slow: {ElapsedMs:0.0} ms")]
    public static partial void SlowDependency(ILogger logger, string dependency, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stock for product {ProductId} ran out; orders waiting for a restock: {Waiting}")]
    public static partial void OutOfStock(ILogger logger, int productId, int waiting);
}
