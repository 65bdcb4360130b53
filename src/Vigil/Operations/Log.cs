using Microsoft.Extensions.Logging;

namespace Vigil.Operations;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "OperationCompleted", Level = LogLevel.Debug, Message = "Operation {Operation} completed in {ElapsedMilliseconds:0.###} ms")]
    public static partial void OperationCompleted(ILogger logger, string operation, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, EventName = "OperationFailed", Level = LogLevel.Error, Message = "Operation {Operation} failed after {ElapsedMilliseconds:0.###} ms")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string operation, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "OperationCancelled", Level = LogLevel.Information, Message = "Operation {Operation} was cancelled after {ElapsedMilliseconds:0.###} ms")]
    public static partial void OperationCancelled(ILogger logger, string operation, double elapsedMilliseconds);

    [LoggerMessage(EventId = 4, EventName = "OperationAbandoned", Level = LogLevel.Warning, Message = "Operation {Operation} was abandoned after {ElapsedMilliseconds:0.###} ms: its scope ended without Complete() or Fail()")]
    public static partial void OperationAbandoned(ILogger logger, string operation, double elapsedMilliseconds);

    [LoggerMessage(EventId = 5, EventName = "UnhandledException", Level = LogLevel.Critical, Message = "Unhandled exception (the runtime is terminating: {IsTerminating})")]
    public static partial void UnhandledException(ILogger logger, Exception exception, bool isTerminating);

    [LoggerMessage(EventId = 6, EventName = "UnobservedTaskException", Level = LogLevel.Error, Message = "A faulted task's exception was never observed")]
    public static partial void UnobservedTaskException(ILogger logger, Exception exception);
}
