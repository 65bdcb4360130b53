using Microsoft.Extensions.Logging;
using Vigil.Model;

namespace Vigil.Alerting.Rules;

/// <summary>
/// Evaluates one rule on its interval, on its own task: a slow or failing rule delays only itself. Each evaluation
/// runs the condition (within <see cref="Timeout"/>), advances the state machine, saves the changed instances and
/// hands the firing and just-resolved ones to the notifier. A failure is logged and counted, and the instances stay
/// as they were until the next evaluation.
/// </summary>
internal sealed partial class RuleRunner
{
    /// <summary>The shortest time an evaluation is allowed (a rule's interval when longer).</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(10);

    private readonly IRuleCondition _condition;
    private readonly RuleEngineServices _services;
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastEvaluation;
    private TimeSpan? _lastDuration;
    private string? _lastError;
    private long _evaluations;
    private long _failures;

    public RuleRunner(AlertStateMachine machine, IRuleCondition condition, RuleEngineServices services)
    {
        Machine = machine;
        _condition = condition;
        _services = services;
    }

    /// <summary>The rule's instances.</summary>
    public AlertStateMachine Machine { get; }

    /// <summary>The rule.</summary>
    public AlertRule Rule => Machine.Rule;

    /// <summary>How long one evaluation may take.</summary>
    public TimeSpan Timeout => Rule.Interval > MinTimeout ? Rule.Interval : MinTimeout;

    /// <summary>Evaluates now, then every interval, until cancelled.</summary>
    /// <param name="cancellationToken">Stops the rule.</param>
    /// <returns>A task that ends when the rule stops.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Evaluations keep to a fixed schedule (start + n intervals), so they do not drift by their own duration; an
        // evaluation that overran skips the slots it missed, as Prometheus does, rather than running back to back.
        var next = _services.Time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await EvaluateOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var now = _services.Time.GetUtcNow();
            next += Rule.Interval;
            while (next < now)
            {
                next += Rule.Interval;
            }

            try
            {
                if (next > now)
                {
                    await Task.Delay(next - now, _services.Time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One evaluation; never throws but for cancellation through <paramref name="cancellationToken"/>.</summary>
    /// <param name="cancellationToken">Stops the rule.</param>
    /// <returns>A task that ends when the evaluation, its save and its hand-over are done.</returns>
    public async Task EvaluateOnceAsync(CancellationToken cancellationToken)
    {
        var now = _services.Time.GetUtcNow();
        var started = _services.Time.GetTimestamp();
        DateTimeOffset? previous;
        lock (_lock)
        {
            previous = _lastEvaluation;
        }

        string? error = null;
        try
        {
            using var timeout = new CancellationTokenSource(Timeout, _services.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            IReadOnlyList<RuleSample> samples;
            try
            {
                var context = new RuleContext { Now = now, PreviousEvaluation = previous, Rule = Rule, Reader = _services.Reader, Signals = _services.Signals, Triage = _services.Triage };
                samples = await _condition.EvaluateAsync(context, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the evaluation took longer than {RuleFields.Show(Timeout)}");
            }

            IReadOnlyList<AlertInstance> changed;
            int dropped;
            lock (_lock)
            {
                changed = Machine.Advance(samples, now);
                dropped = Machine.Dropped;
            }

            if (dropped > 0)
            {
                LogDropped(_services.Logger, Rule.Name, dropped, AlertStateMachine.MaxInstances);
            }

            if (changed.Count > 0)
            {
                var stored = await _services.Store.SaveAlertsAsync(changed, cancellationToken).ConfigureAwait(false);
                lock (_lock)
                {
                    Machine.Saved(stored);
                }

                await NotifyAsync(stored, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            error = e.Message;
            LogFailed(_services.Logger, e, Rule.Name, e.Message);
        }

        lock (_lock)
        {
            _lastEvaluation = now;
            _lastDuration = _services.Time.GetElapsedTime(started);
            _lastError = error;
            _evaluations++;
            _failures += error is null ? 0 : 1;
        }
    }

    /// <summary>The rule's status for <c>vigil alerts rules</c>.</summary>
    /// <returns>The status.</returns>
    public AlertRuleStatus Status()
    {
        lock (_lock)
        {
            var instances = Machine.Instances;
            var firing = instances.Count(i => i.State == AlertState.Firing);
            var pending = instances.Count(i => i.State == AlertState.Pending);
            return new AlertRuleStatus
            {
                Name = Rule.Name,
                Kind = Rule.Kind.Name,
                Source = Rule.Source,
                Interval = Rule.Interval,
                For = Rule.For,
                KeepFiringFor = Rule.KeepFiringFor,
                Severity = Rule.Severity,
                Labels = Rule.Labels,
                Annotations = Rule.Annotations.ToDictionary(a => a.Key, a => a.Value.Text, StringComparer.Ordinal),
                State = firing > 0 ? AlertState.Firing : pending > 0 ? AlertState.Pending : AlertState.Inactive,
                Firing = firing,
                Pending = pending,
                LastEvaluation = _lastEvaluation,
                LastDuration = _lastDuration,
                LastError = _lastError,
                Evaluations = _evaluations,
                Failures = _failures,
            };
        }
    }

    private async Task NotifyAsync(IReadOnlyList<AlertInstance> stored, CancellationToken cancellationToken)
    {
        var alerts = stored.Where(i => i.State is AlertState.Firing or AlertState.Resolved).ToList();
        if (_services.Notifier is not { } notifier || alerts.Count == 0)
        {
            return;
        }

        try
        {
            await notifier.PublishAsync(alerts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The instances are saved; the notifier catches up at the next evaluation, which hands them over again.
            LogNotifyFailed(_services.Logger, e, Rule.Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert rule {Rule} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string rule, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert rule {Rule}: the notifier refused its alerts: {Reason}")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string rule, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert rule {Rule} produced {Dropped} label sets beyond its limit of {Limit} instances; they were dropped")]
    private static partial void LogDropped(ILogger logger, string rule, int dropped, int limit);
}
