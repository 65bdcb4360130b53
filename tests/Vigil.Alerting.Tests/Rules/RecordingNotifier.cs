using System.Collections.Concurrent;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Rules;

/// <summary>A test double at the seam under test (engine → notifier): records every hand-over.</summary>
internal sealed class RecordingNotifier : IAlertNotifier
{
    public ConcurrentQueue<IReadOnlyList<AlertInstance>> Batches { get; } = new();

    public IReadOnlyList<AlertInstance> All => [.. Batches.SelectMany(b => b)];

    public ValueTask PublishAsync(IReadOnlyList<AlertInstance> alerts, CancellationToken cancellationToken = default)
    {
        Batches.Enqueue(alerts);
        return ValueTask.CompletedTask;
    }
}
