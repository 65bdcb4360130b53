using System.Diagnostics;
using Vigil.Operations;

namespace Vigil;

/// <summary>
/// A tracked operation as a scope, from <see cref="OperationTracker.Begin"/>. End it with
/// <see cref="Complete"/>, <see cref="Fail"/> or <see cref="Cancel"/>; disposing it without one
/// of them records it as abandoned. Ending it twice records it once.
/// </summary>
public sealed class Operation : IDisposable
{
    internal static readonly Operation Unobserved = new(null, default);

    private readonly OperationTracker? _tracker;
    private readonly OperationState _state;
    private int _ended;

    internal Operation(OperationTracker? tracker, OperationState state)
    {
        _tracker = tracker;
        _state = state;
    }

    /// <summary>The span of this operation, or <see langword="null"/> when no one traces it.</summary>
    public Activity? Activity => _state.Activity;

    /// <summary>Adds an attribute to the operation's span.</summary>
    public Operation SetTag(string key, object? value)
    {
        _state.Activity?.SetTag(key, value);
        return this;
    }

    /// <summary>Records the operation as completed.</summary>
    public void Complete() => End(OperationOutcome.Success, null);

    /// <summary>Records the operation as failed, with its cause when there is one.</summary>
    public void Fail(Exception? exception = null) => End(OperationOutcome.Failure, exception);

    /// <summary>Records the operation as cancelled.</summary>
    public void Cancel() => End(OperationOutcome.Cancelled, null);

    /// <summary>Records the operation as abandoned unless it was already ended.</summary>
    public void Dispose() => End(OperationOutcome.Abandoned, null);

    private void End(OperationOutcome outcome, Exception? exception)
    {
        if (_tracker is not null && Interlocked.Exchange(ref _ended, 1) == 0)
        {
            _tracker.Finish(_state, outcome, exception);
        }
    }
}
