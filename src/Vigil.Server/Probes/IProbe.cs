namespace Vigil.Server.Probes;

/// <summary>One kind of probe's attempt. The runner owns the schedule, the timeout and the thresholds.</summary>
internal interface IProbe : IDisposable
{
    /// <summary>Makes one attempt; <paramref name="cancellationToken"/> fires at the probe's timeout or at shutdown.</summary>
    /// <returns>The attempt's outcome. Failures of the target are outcomes, not exceptions.</returns>
    Task<ProbeAttempt> RunAsync(CancellationToken cancellationToken);
}
