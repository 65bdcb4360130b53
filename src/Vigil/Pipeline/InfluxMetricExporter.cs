using OpenTelemetry;
using OpenTelemetry.Metrics;
using Vigil.Internal;
using Vigil.LocalStore;
using Vigil.Metrics.Influx;
using MetricPoint = Vigil.Model.MetricPoint;
using TelemetryResource = Vigil.Model.TelemetryResource;

namespace Vigil.Pipeline;

/// <summary>
/// Writes each collection's points to InfluxDB as line protocol. Like the other metric readers it has no queue:
/// a collection that cannot be written is lost (cumulative sums carry on in the next one), and every line is
/// counted as exported or failed on the sink's gate (<c>vigil.sdk.exported{sink=influx}</c>).
/// </summary>
internal sealed class InfluxMetricExporter : BaseExporter<Metric>
{
    public const string SinkName = "influx";

    private readonly TelemetryResource _resource;
    private readonly ExportQueueGate _gate;
    private readonly InfluxWriteBatcher _batcher;
    private readonly InfluxWriteClient _client;
    private readonly CancellationTokenSource _shutdown = new();

    public InfluxMetricExporter(InfluxSinkOptions options, TelemetryResource resource, ExportQueueGate gate, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        _resource = resource;
        _gate = gate;
        _batcher = new InfluxWriteBatcher(options.MaxLinesPerRequest, options.MaxBytesPerRequest);
        _client = new InfluxWriteClient(options, handler, time);
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in batch)
        {
            TelemetryMapper.AddMetricPoints(metric, _resource, points);
        }

        var writes = _batcher.Split(points, out var skipped);
        var result = skipped == 0 ? ExportResult.Success : ExportResult.Failure;
        _gate.Record(skipped, exported: false);
        foreach (var write in writes)
        {
            try
            {
                _client.Send(write, _shutdown.Token);
                _gate.Record(write.Lines, exported: true);
            }
            catch (Exception exception) when (exception is InfluxWriteException or OperationCanceledException)
            {
                VigilSdkEventSource.Log.SinkFailed(SinkName, exception);
                _gate.Record(write.Lines, exported: false);
                result = ExportResult.Failure;
            }
        }

        return result;
    }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        // The reader's final collection runs before this; later retries would only hold up the app's exit.
        _shutdown.Cancel();
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client.Dispose();
            _shutdown.Dispose();
        }

        base.Dispose(disposing);
    }
}
