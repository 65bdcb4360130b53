using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Vigil.Operations;

namespace Vigil;

/// <summary>
/// Tracks a unit of work in one call: a span named after the operation, its duration and allocated
/// bytes as histograms tagged with the operation and its outcome, a Debug log when it completes and
/// an Error log with the exception when it fails; exceptions are rethrown unchanged. When nothing
/// listens (no span listener, no metric listener, Error logs off) the work runs with no overhead
/// beyond three checks.
/// </summary>
public sealed class OperationTracker
{
    /// <summary>The ActivitySource, Meter and logger category name of tracked operations.</summary>
    public const string InstrumentationName = Vigil.Storage.Builds.OperationSemantics.InstrumentationName;

    /// <summary>The logging category of operation logs.</summary>
    public const string LoggerCategory = "Vigil.Operations";

    /// <summary>The histogram of operation durations, in seconds.</summary>
    public const string DurationMetricName = "vigil.operation.duration";

    /// <summary>The histogram of bytes allocated by synchronous operations.</summary>
    public const string AllocatedMetricName = "vigil.operation.allocated";

    internal static readonly ActivitySource s_activitySource = new(InstrumentationName, typeof(OperationTracker).Assembly.GetName().Version?.ToString());

    private static readonly double[] s_durationBucketsSeconds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly long[] s_allocatedBucketsBytes = [0, 1_024, 16_384, 131_072, 1_048_576, 16_777_216, 134_217_728];

    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _allocated;
    private readonly ILogger _logger;

    /// <summary>Creates a tracker; applications get one from dependency injection or <see cref="VigilSdk"/>.</summary>
    public OperationTracker(ILoggerFactory loggerFactory, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(InstrumentationName);
        _duration = meter.CreateHistogram(DurationMetricName, "s", "Duration of tracked operations.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBucketsSeconds });
        _allocated = meter.CreateHistogram(AllocatedMetricName, "By", "Bytes allocated on the thread of a tracked synchronous operation.", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = s_allocatedBucketsBytes });
        _logger = loggerFactory.CreateLogger(LoggerCategory);
    }

    private bool IsObserved => s_activitySource.HasListeners() || _duration.Enabled || _logger.IsEnabled(LogLevel.Error);

    /// <summary>Runs <paramref name="work"/> as the operation <paramref name="operation"/>.</summary>
    public void Track(string operation, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsObserved)
        {
            work();
            return;
        }

        var state = Start(operation);
        try
        {
            work();
        }
        catch (Exception exception)
        {
            Finish(state, exception);
            throw;
        }

        Finish(state, null);
    }

    /// <summary>Runs <paramref name="work"/> as the operation <paramref name="operation"/> and returns its result.</summary>
    public T Track<T>(string operation, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsObserved)
        {
            return work();
        }

        var state = Start(operation);
        T result;
        try
        {
            result = work();
        }
        catch (Exception exception)
        {
            Finish(state, exception);
            throw;
        }

        Finish(state, null);
        return result;
    }

    /// <summary>Runs asynchronous <paramref name="work"/> as the operation <paramref name="operation"/>.</summary>
    public Task TrackAsync(string operation, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return TrackAsync(operation, _ => work(), CancellationToken.None);
    }

    /// <summary>Runs asynchronous <paramref name="work"/> as the operation <paramref name="operation"/>, passing it <paramref name="cancellationToken"/>.</summary>
    public async Task TrackAsync(string operation, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsObserved)
        {
            await work(cancellationToken).ConfigureAwait(false);
            return;
        }

        var state = Start(operation);
        try
        {
            await work(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Finish(state, exception);
            throw;
        }

        Finish(state, null);
    }

    /// <summary>Runs asynchronous <paramref name="work"/> as the operation <paramref name="operation"/> and returns its result.</summary>
    public Task<T> TrackAsync<T>(string operation, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return TrackAsync(operation, _ => work(), CancellationToken.None);
    }

    /// <summary>Runs asynchronous <paramref name="work"/> as the operation <paramref name="operation"/>, passing it <paramref name="cancellationToken"/>, and returns its result.</summary>
    public async Task<T> TrackAsync<T>(string operation, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsObserved)
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }

        var state = Start(operation);
        T result;
        try
        {
            result = await work(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Finish(state, exception);
            throw;
        }

        Finish(state, null);
        return result;
    }

    /// <summary>
    /// Starts the operation <paramref name="operation"/> as a scope: call <see cref="Operation.Complete"/> or
    /// <see cref="Operation.Fail"/> before it is disposed, or it is recorded as abandoned.
    /// </summary>
    public Operation Begin(string operation) =>
        IsObserved ? new Operation(this, Start(operation)) : Operation.Unobserved;

    internal OperationState Start(string operation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        var activity = s_activitySource.StartActivity(operation);
        var allocated = _allocated.Enabled ? GC.GetAllocatedBytesForCurrentThread() : 0;
        return new OperationState(operation, activity, Stopwatch.GetTimestamp(), allocated, Environment.CurrentManagedThreadId);
    }

    internal void Finish(in OperationState state, Exception? exception) =>
        Finish(state, exception switch
        {
            null => OperationOutcome.Success,
            OperationCanceledException => OperationOutcome.Cancelled,
            _ => OperationOutcome.Failure,
        }, exception);

    internal void Finish(in OperationState state, OperationOutcome outcome, Exception? exception)
    {
        var elapsed = Stopwatch.GetElapsedTime(state.StartTimestamp);
        var activity = state.Activity;
        var outcomeTag = OutcomeTag(outcome);

        // Logs first, while the span is still current, so they carry its trace and span ids.
        switch (outcome)
        {
            case OperationOutcome.Success:
                Log.OperationCompleted(_logger, state.Name, elapsed.TotalMilliseconds);
                break;
            case OperationOutcome.Failure:
                if (exception is not null)
                {
                    Log.OperationFailed(_logger, exception, state.Name, elapsed.TotalMilliseconds);
                    activity?.AddException(exception);
                }
                else if (_logger.IsEnabled(LogLevel.Error))
                {
                    Log.OperationFailed(_logger, new OperationFailedException(state.Name), state.Name, elapsed.TotalMilliseconds);
                }

                activity?.SetStatus(ActivityStatusCode.Error, exception?.Message);
                break;
            case OperationOutcome.Cancelled:
                Log.OperationCancelled(_logger, state.Name, elapsed.TotalMilliseconds);
                break;
            case OperationOutcome.Abandoned:
                Log.OperationAbandoned(_logger, state.Name, elapsed.TotalMilliseconds);
                activity?.SetStatus(ActivityStatusCode.Error, "abandoned");
                break;
        }

        if (activity is not null)
        {
            activity.SetTag(Vigil.Storage.Builds.OperationSemantics.Outcome, outcomeTag);
            activity.Stop();
        }

        var tags = new TagList
        {
            { "operation", state.Name },
            { "outcome", outcomeTag },
        };
        _duration.Record(elapsed.TotalSeconds, tags);

        // Allocation is counted per thread: an operation that moved to another thread has no honest figure.
        if (_allocated.Enabled && state.ThreadId == Environment.CurrentManagedThreadId)
        {
            _allocated.Record(GC.GetAllocatedBytesForCurrentThread() - state.AllocatedBytesAtStart, tags);
        }
    }

    private static string OutcomeTag(OperationOutcome outcome) => outcome switch
    {
        OperationOutcome.Success => "success",
        OperationOutcome.Failure => "failure",
        OperationOutcome.Cancelled => "cancelled",
        _ => "abandoned",
    };
}
