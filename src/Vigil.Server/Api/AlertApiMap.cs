using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>
/// Alerts, their history and silences as the contract's types: what the query API answers, and what
/// <c>vigil alerts --json</c> writes from a store file, so a file and a server give the same JSON. Public only for
/// the CLI (the server's one consumer); the way back is the CLI's <c>ContractMap.Alerts.cs</c>.
/// </summary>
public static class AlertApiMap
{
    /// <summary>An alert instance as the contract's type.</summary>
    /// <param name="alert">The instance.</param>
    /// <returns>The contract's form.</returns>
    public static ApiAlert ToApi(this AlertInstance alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new ApiAlert
        {
            Id = alert.Id,
            RuleName = alert.RuleName,
            Labels = alert.Labels,
            Annotations = alert.Annotations,
            State = alert.State.ToApi(),
            ActiveSince = alert.ActiveSince,
            FiredAt = alert.FiredAt,
            ResolvedAt = alert.ResolvedAt,
            EndsAt = alert.EndsAt,
            LastEvaluated = alert.LastEvaluated,
            Value = alert.Value,
            Threshold = alert.Threshold,
            Evidence = new ApiAlertEvidence
            {
                LogLines = alert.Evidence.LogLines,
                Detail = alert.Evidence.Detail,
                ErrorGroupId = alert.Evidence.ErrorGroupId,
                ErrorType = alert.Evidence.ErrorType,
                ErrorMessage = alert.Evidence.ErrorMessage,
                Culprit = alert.Evidence.Culprit,
                TraceId = alert.Evidence.TraceId,
            },
            Acknowledgement = alert.Acknowledgement is { } ack ? new ApiAlertAcknowledgement { By = ack.By, At = ack.At, Comment = ack.Comment } : null,
        };
    }

    /// <summary>A transition as the contract's type.</summary>
    /// <param name="transition">The transition.</param>
    /// <returns>The contract's form.</returns>
    public static ApiAlertTransition ToApi(this AlertTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return new ApiAlertTransition
        {
            Id = transition.Id,
            AlertId = transition.AlertId,
            RuleName = transition.RuleName,
            Labels = transition.Labels,
            From = transition.From.ToApi(),
            To = transition.To.ToApi(),
            At = transition.At,
            Value = transition.Value,
        };
    }

    /// <summary>A notification attempt as the contract's type.</summary>
    /// <param name="attempt">The attempt.</param>
    /// <returns>The contract's form.</returns>
    public static ApiNotificationAttempt ToApi(this NotificationAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new ApiNotificationAttempt
        {
            Id = attempt.Id,
            Channel = attempt.Channel,
            GroupKey = attempt.GroupKey,
            AlertIds = attempt.AlertIds,
            Kind = attempt.Kind,
            EscalationLevel = attempt.EscalationLevel,
            Attempt = attempt.Attempt,
            At = attempt.At,
            Outcome = (ApiNotificationOutcome)attempt.Outcome,
            Detail = attempt.Detail,
        };
    }

    /// <summary>A silence as the contract's type, with its state at <paramref name="now"/>.</summary>
    /// <param name="silence">The silence.</param>
    /// <param name="now">The moment that decides its state.</param>
    /// <returns>The contract's form.</returns>
    public static ApiSilence ToApi(this Silence silence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(silence);
        return new ApiSilence
        {
            Id = silence.Id,
            Matchers = [.. silence.Matchers.Select(m => m.ToString())],
            StartsAt = silence.StartsAt,
            EndsAt = silence.EndsAt,
            CreatedBy = silence.CreatedBy,
            Comment = silence.Comment,
            CreatedAt = silence.CreatedAt,
            State = (ApiSilenceState)silence.StateAt(now),
        };
    }

    /// <summary>An alert state as the contract spells it.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The contract's value.</returns>
    public static ApiAlertState ToApi(this AlertState state) => (ApiAlertState)state;
}
