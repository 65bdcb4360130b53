using Vigil.Model;

namespace Vigil.Server.Probes;

/// <summary>
/// Turns a probe's attempts into its status so that one blip does not flip it: a working (healthy or degraded)
/// probe turns unhealthy only after <c>failureThreshold</c> unhealthy attempts in a row, and an unhealthy one
/// recovers only after <c>successThreshold</c> good attempts in a row. While working, healthy and degraded follow
/// the attempts directly (degraded still works). The first attempt sets the status. Not thread-safe: one probe's
/// attempts never overlap.
/// </summary>
internal sealed class ProbeStatusTracker
{
    private readonly int _failureThreshold;
    private readonly int _successThreshold;
    private HealthStatus? _status;
    private int _failures;
    private int _successes;

    public ProbeStatusTracker(int failureThreshold, int successThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(successThreshold, 1);
        _failureThreshold = failureThreshold;
        _successThreshold = successThreshold;
    }

    /// <summary>The status after the attempts so far; null before the first.</summary>
    public HealthStatus? Status => _status;

    /// <summary>Records one attempt's outcome.</summary>
    /// <returns>The probe's status after it.</returns>
    public HealthStatus Record(HealthStatus observed)
    {
        if (_status is not { } current)
        {
            _status = observed;
            return observed;
        }

        if (current == HealthStatus.Unhealthy)
        {
            _failures = 0;
            if (observed == HealthStatus.Unhealthy)
            {
                _successes = 0;
            }
            else if (++_successes >= _successThreshold)
            {
                _successes = 0;
                _status = observed;
            }
        }
        else
        {
            _successes = 0;
            if (observed != HealthStatus.Unhealthy)
            {
                _failures = 0;
                _status = observed;
            }
            else if (++_failures >= _failureThreshold)
            {
                _failures = 0;
                _status = HealthStatus.Unhealthy;
            }
        }

        return _status.Value;
    }
}
