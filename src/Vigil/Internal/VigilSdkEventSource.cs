using System.Diagnostics.Tracing;

namespace Vigil.Internal;

/// <summary>
/// The SDK's own faults. They go to an EventSource rather than through ILogger, because a fault
/// in the logging pipeline reported through that pipeline would loop. Listen with
/// <c>dotnet-trace collect --providers Vigil-Sdk</c> or an in-process EventListener.
/// </summary>
[EventSource(Name = "Vigil-Sdk")]
internal sealed class VigilSdkEventSource : EventSource
{
    public static readonly VigilSdkEventSource Log = new();

    [NonEvent]
    public void SinkFailed(string sink, Exception exception)
    {
        if (IsEnabled(EventLevel.Error, EventKeywords.All))
        {
            SinkFailed(sink, exception.GetType().FullName ?? "Exception", exception.Message);
        }
    }

    [Event(1, Level = EventLevel.Error, Message = "Sink '{0}' failed: {1}: {2}")]
    public void SinkFailed(string sink, string exceptionType, string message) => WriteEvent(1, sink, exceptionType, message);

    [Event(2, Level = EventLevel.Warning, Message = "Sink '{0}' dropped {1} {2} because its queue was full")]
    public void ItemsDropped(string sink, long count, string signal) => WriteEvent(2, sink, count, signal);

    [NonEvent]
    public void ProcessorFailed(string processor, Exception exception)
    {
        if (IsEnabled(EventLevel.Error, EventKeywords.All))
        {
            ProcessorFailed(processor, exception.GetType().FullName ?? "Exception", exception.Message);
        }
    }

    [Event(3, Level = EventLevel.Error, Message = "Processor '{0}' failed: {1}: {2}")]
    public void ProcessorFailed(string processor, string exceptionType, string message) => WriteEvent(3, processor, exceptionType, message);

    [Event(4, Level = EventLevel.Informational, Message = "The local store is {0}")]
    public void LocalStoreOpened(string path) => WriteEvent(4, path);
}
