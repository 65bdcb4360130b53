using Microsoft.Extensions.Logging;

namespace Vigil.Tests.Support;

/// <summary>The records the logging tests write, as apps should write them: source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 42, EventName = "OrderPlaced", Level = LogLevel.Warning,
        Message = "Order {OrderId} for {Customer} costs {Total} paid {Paid} at {When} id {Id}")]
    public static partial void OrderPlaced(ILogger logger, long orderId, string customer, decimal total, bool paid, DateTimeOffset when, Guid id);

    [LoggerMessage(EventId = 1, Message = "Check {Number}")]
    public static partial void AtLevel(ILogger logger, LogLevel level, int number);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Note {Text}")]
    public static partial void Note(ILogger logger, string text);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Item {Index}")]
    public static partial void Item(ILogger logger, int index);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Item {Index} {Padding}")]
    public static partial void PaddedItem(ILogger logger, int index, string padding);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Thread {Thread} item {Index}")]
    public static partial void ThreadItem(ILogger logger, int thread, int index);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Checkout failed for {OrderId}")]
    public static partial void CheckoutFailed(ILogger logger, Exception exception, int orderId);

    /// <summary>
    /// A record as code that bypasses the source generator writes it: no event id, a plain message,
    /// and whatever properties it carries, which need not be holes of the template.
    /// </summary>
    public static void Plain(ILogger logger, LogLevel level, string message, params KeyValuePair<string, object?>[] properties)
    {
        List<KeyValuePair<string, object?>> state = [.. properties, new("{OriginalFormat}", message)];
        logger.Log(level, default, state, null, (_, _) => message);
    }
}
