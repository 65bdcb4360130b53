using System.Diagnostics;
using System.Globalization;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Probes;

/// <summary>
/// Runs one probe: an attempt at once and then one per interval (never two at a time), each bounded by the
/// probe's timeout, passed through the thresholds and written to the store. Never throws: a failing target, a
/// timeout, a bug in an attempt or a failing store become a result or a log line, and the schedule goes on.
/// </summary>
internal sealed partial class ProbeRunner : IDisposable
{
    // How long past its timeout an attempt may take to report it (a killed command reaping its children) before
    // the runner stops waiting for it.
    private static readonly TimeSpan s_reportGrace = TimeSpan.FromSeconds(5);

    private readonly ProbeDefinition _definition;
    private readonly IProbe _probe;
    private readonly ITelemetryWriter _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _serviceName;
    private readonly ProbeStatusTracker _tracker;

    public ProbeRunner(ProbeDefinition definition, IProbe probe, ITelemetryWriter store, TimeProvider time, ILogger logger, string serviceName)
    {
        _definition = definition;
        _probe = probe;
        _store = store;
        _time = time;
        _logger = logger;
        _serviceName = serviceName;
        _tracker = new ProbeStatusTracker(definition.FailureThreshold, definition.SuccessThreshold);
    }

    public ProbeDefinition Definition => _definition;

    /// <summary>Attempts until <paramref name="stopping"/> fires; returns promptly then.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        // PeriodicTimer skips ticks missed while an attempt ran: attempts never queue up or overlap.
        using var timer = new PeriodicTimer(_definition.Interval, _time);
        try
        {
            do
            {
                if (await AttemptAsync(stopping).ConfigureAwait(false) is { } result)
                {
                    await WriteAsync(result, stopping).ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    /// <summary>One attempt through the thresholds; null when shutdown interrupted it (nothing to record).</summary>
    internal async Task<HealthResult?> AttemptAsync(CancellationToken stopping)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_definition.Timeout);
        ProbeAttempt attempt;
        Task<ProbeAttempt>? running = null;
        try
        {
            // The probe sees the timeout through its token and may report it itself (with what it knows); WaitAsync
            // bounds even an attempt that ignores its token.
            running = _probe.RunAsync(timeout.Token);
            attempt = await running.WaitAsync(_definition.Timeout + s_reportGrace, _time, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await AbandonAsync(timeout, running).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // The token has fired and the grace is over: an attempt still running ignores its token; leave it.
            attempt = ProbeAttempt.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"timed out after {_definition.Timeout.TotalSeconds:0.###} s"));
        }
        catch (Exception e)
        {
            attempt = ProbeAttempt.Unhealthy(Describe(e));
        }

        if (stopping.IsCancellationRequested)
        {
            return null;
        }

        var duration = Stopwatch.GetElapsedTime(started);
        return new HealthResult
        {
            Name = _definition.Name,
            Kind = HealthSourceKind.Probe,
            ServiceName = _serviceName,
            Status = _tracker.Record(attempt.Status),
            Observed = attempt.Status,
            Timestamp = _time.GetUtcNow(),
            Duration = duration,
            // How the store tells a probe that stopped (vigil serve down) from one that is merely quiet: it goes stale.
            Interval = _definition.Interval,
            Description = attempt.Description,
            Data = attempt.Data,
        };
    }

    public void Dispose() => _probe.Dispose();

    private async Task WriteAsync(HealthResult result, CancellationToken stopping)
    {
        try
        {
            await _store.WriteAsync(new TelemetryBatch { HealthResults = [result] }, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            Log.ProbeResultNotStored(_logger, e, _definition.Name);
        }
    }
}
