using System.Net.Http.Headers;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Vigil.Internal;
using Vigil.LocalStore;
using Vigil.Metrics;
using Vigil.Metrics.PushGateway;
using Vigil.Model.Prometheus;
using MetricPoint = Vigil.Model.MetricPoint;
using TelemetryResource = Vigil.Model.TelemetryResource;

namespace Vigil.Pipeline;

/// <summary>
/// Pushes the final value of every metric to a Prometheus Pushgateway when the application stops. Its reader collects
/// only when the SDK flushes or shuts down; each collection replaces the last one kept here, and shutting down (after
/// the reader's final collection) pushes that one in the text format with <c>PUT</c>, which replaces the group's
/// metrics. The push is bounded by its attempts, each attempt's timeout and the shutdown's own time; a failure is
/// reported through the SDK's event source and its points counted as failed on the sink's gate
/// (<c>vigil.sdk.exported{sink=pushgateway}</c>), never thrown.
/// </summary>
internal sealed class PushGatewayMetricExporter : BaseExporter<Metric>
{
    public const string SinkName = "pushgateway";

    private readonly TelemetryResource _resource;
    private readonly ExportQueueGate _gate;
    private readonly HttpClient _http;
    private readonly Uri _address;
    private readonly int _maxAttempts;
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private List<MetricPoint>? _latest;

    public PushGatewayMetricExporter(PushGatewaySinkOptions options, TelemetryResource resource, ExportQueueGate gate, TimeProvider? time = null)
    {
        _resource = resource;
        _gate = gate;
        _http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds) };
        var job = options.Job ?? resource.ServiceName ?? "unknown_service";
        _address = PushGatewayAddress.For(options.Endpoint ?? throw new ArgumentException("the Pushgateway's endpoint is not set", nameof(options)), job, options.Instance ?? Environment.MachineName);
        _maxAttempts = options.MaxAttempts;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The group's address the push goes to.</summary>
    public Uri Address => _address;

    public override ExportResult Export(in Batch<Metric> batch)
    {
        // The batch lives only during this call: its points are copied, and the newest collection is what is pushed.
        var points = new List<MetricPoint>();
        foreach (var metric in batch)
        {
            TelemetryMapper.AddMetricPoints(metric, _resource, points);
        }

        lock (_lock)
        {
            _latest = points;
        }

        return ExportResult.Success;
    }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        List<MetricPoint>? points;
        lock (_lock)
        {
            points = _latest;
            _latest = null;
        }

        if (points is null)
        {
            return true;
        }

        using var deadline = timeoutMilliseconds == Timeout.Infinite ? new CancellationTokenSource() : new CancellationTokenSource(timeoutMilliseconds);
        try
        {
            var body = Encoding.UTF8.GetBytes(ExpositionWriter.Write(PushGatewayFamilies.From(points), openMetrics: false));
            var outcome = SinkHttp.Send(_http, () => Request(body), _maxAttempts, _time, deadline.Token);
            if (outcome.Succeeded)
            {
                _gate.Record(points.Count, exported: true);
                return true;
            }

            Failed(points.Count, new HttpRequestException(outcome.Refused
                ? $"the Pushgateway at {_address} refused {points.Count} points: {outcome.Failure}"
                : $"pushing {points.Count} points to the Pushgateway at {_address} failed after {outcome.Attempts} attempts: {outcome.Failure}"));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Shutting down never throws into the application: a push cut short by the shutdown's time is a failure too.
            Failed(points.Count, exception);
        }

        return false;
    }

    private HttpRequestMessage Request(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, _address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ExpositionWriter.TextContentType);
        return request;
    }

    private void Failed(int points, Exception exception)
    {
        VigilSdkEventSource.Log.SinkFailed(SinkName, exception);
        _gate.Record(points, exported: false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
        }

        base.Dispose(disposing);
    }
}
