using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Cli.Remote;

/// <summary>Alerts, their history and silences from the contract back to the model (the way there is the server's <c>AlertApiMap</c>).</summary>
internal static partial class ContractMap
{
    public static AlertInstance ToModel(this ApiAlert alert) => new()
    {
        Id = alert.Id,
        RuleName = alert.RuleName,
        Labels = AlertLabels.From(alert.Labels),
        Annotations = alert.Annotations,
        State = (AlertState)alert.State,
        ActiveSince = alert.ActiveSince,
        FiredAt = alert.FiredAt,
        ResolvedAt = alert.ResolvedAt,
        EndsAt = alert.EndsAt,
        LastEvaluated = alert.LastEvaluated,
        Value = alert.Value,
        Threshold = alert.Threshold,
        Evidence = new AlertEvidence
        {
            LogLines = alert.Evidence.LogLines,
            Detail = alert.Evidence.Detail,
            ErrorGroupId = alert.Evidence.ErrorGroupId,
            ErrorType = alert.Evidence.ErrorType,
            ErrorMessage = alert.Evidence.ErrorMessage,
            Culprit = alert.Evidence.Culprit,
            TraceId = alert.Evidence.TraceId,
        },
        Acknowledgement = alert.Acknowledgement is { } ack ? new AlertAcknowledgement { By = ack.By, At = ack.At, Comment = ack.Comment } : null,
    };

    public static AlertTransition ToModel(this ApiAlertTransition transition) => new()
    {
        Id = transition.Id,
        AlertId = transition.AlertId,
        RuleName = transition.RuleName,
        Labels = AlertLabels.From(transition.Labels),
        From = (AlertState)transition.From,
        To = (AlertState)transition.To,
        At = transition.At,
        Value = transition.Value,
    };

    public static NotificationAttempt ToModel(this ApiNotificationAttempt attempt) => new()
    {
        Id = attempt.Id,
        Channel = attempt.Channel,
        GroupKey = attempt.GroupKey,
        AlertIds = attempt.AlertIds,
        Kind = attempt.Kind,
        EscalationLevel = attempt.EscalationLevel,
        Attempt = attempt.Attempt,
        At = attempt.At,
        Outcome = (NotificationOutcome)attempt.Outcome,
        Detail = attempt.Detail,
    };

    /// <summary>A silence as the server sent it; its matchers were written by <see cref="LabelMatcher.ToString"/> and parse back.</summary>
    public static Silence ToModel(this ApiSilence silence) => new()
    {
        Id = silence.Id,
        Matchers = [.. silence.Matchers.Select(ParseMatcher)],
        StartsAt = silence.StartsAt,
        EndsAt = silence.EndsAt,
        CreatedBy = silence.CreatedBy,
        Comment = silence.Comment,
        CreatedAt = silence.CreatedAt,
    };

    /// <summary>A silence to create. The server takes no id and stamps the creation time itself.</summary>
    public static ApiSilenceRequest ToRequest(this Silence silence) => new()
    {
        Matchers = [.. silence.Matchers.Select(m => m.ToString())],
        StartsAt = silence.StartsAt,
        EndsAt = silence.EndsAt,
        CreatedBy = silence.CreatedBy,
        Comment = silence.Comment,
    };

    public static ApiAlertState ToApi(this AlertState state) => (ApiAlertState)state;

    private static LabelMatcher ParseMatcher(string text) =>
        LabelMatcher.TryParse(text, out var matcher, out var problem)
            ? matcher!
            : throw new System.Text.Json.JsonException($"the server sent a silence matcher that does not parse: {problem}");
}
