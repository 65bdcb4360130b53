namespace Vigil.Pipeline;

/// <summary>Every sink queue of one pipeline, so that their counts can be published together.</summary>
internal sealed class ExportQueueRegistry
{
    private readonly List<ExportQueueGate> _gates = [];
    private readonly int _capacity;

    public ExportQueueRegistry(int capacity)
    {
        _capacity = capacity;
    }

    public IReadOnlyList<ExportQueueGate> Gates
    {
        get
        {
            lock (_gates)
            {
                return [.. _gates];
            }
        }
    }

    public ExportQueueGate Create(string sink, string signal)
    {
        var gate = new ExportQueueGate(sink, signal, _capacity);
        lock (_gates)
        {
            _gates.Add(gate);
        }

        return gate;
    }
}
