using System.Collections.Concurrent;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Vigil.Tests.Support;

/// <summary>Keeps a copy of every record it is given, as the last sink of the pipeline.</summary>
internal sealed class CollectingLogExporter : BaseExporter<LogRecord>
{
    private readonly ConcurrentQueue<CollectedLog> _logs = new();

    public IReadOnlyList<CollectedLog> Logs => [.. _logs];

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        foreach (var record in batch)
        {
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var attribute in record.Attributes ?? [])
            {
                attributes[attribute.Key] = attribute.Value;
            }

            _logs.Enqueue(new CollectedLog(record.CategoryName, record.LogLevel, record.FormattedMessage, attributes, record.TraceId, record.SpanId, record.Exception, record.EventId.Name));
        }

        return ExportResult.Success;
    }
}
