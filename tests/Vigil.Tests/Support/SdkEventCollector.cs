using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Vigil.Tests.Support;

/// <summary>Listens to the Vigil-Sdk EventSource and keeps its events. Process-wide: filter by payload.</summary>
internal sealed class SdkEventCollector : EventListener
{
    private readonly ConcurrentQueue<EventWrittenEventArgs> _events = new();

    public IReadOnlyCollection<EventWrittenEventArgs> Events => _events;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Vigil-Sdk")
        {
            EnableEvents(eventSource, EventLevel.Verbose);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventSource.Name == "Vigil-Sdk")
        {
            _events.Enqueue(eventData);
        }
    }
}
