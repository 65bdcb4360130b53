using Serilog.Core;
using Serilog.Events;

namespace Vigil.Benchmarks.Sdk;

/// <summary>Serilog's counterpart of <see cref="NoopExporter{T}"/>: takes each event and keeps nothing.</summary>
internal sealed class NoopSerilogSink : ILogEventSink
{
    private long _emitted;

    public long Emitted => _emitted;

    // Serilog calls sinks on the logging thread; the count is only read after the run.
    public void Emit(LogEvent logEvent) => _emitted++;
}
