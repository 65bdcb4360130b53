using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Model;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>The short human forms of an alert's fields, shared by the list, history and ack.</summary>
internal static class AlertText
{
    /// <summary>The state as the API spells it, coloured by urgency.</summary>
    public static (string Text, Style Style) State(AlertState state, Palette palette) => state switch
    {
        AlertState.Firing => ("firing", palette.Error),
        AlertState.Pending => ("pending", palette.Warning),
        AlertState.Resolved => ("resolved", palette.Ok),
        _ => ("inactive", palette.Dim),
    };

    /// <summary>When the current state began: firing since it fired, pending since it became active, resolved since it resolved.</summary>
    public static DateTimeOffset Since(AlertInstance alert) => alert.State switch
    {
        AlertState.Firing => alert.FiredAt ?? alert.LastEvaluated,
        AlertState.Pending => alert.ActiveSince,
        AlertState.Resolved => alert.ResolvedAt ?? alert.LastEvaluated,
        _ => alert.LastEvaluated,
    };

    /// <summary>The labels without <c>alertname</c> (the RULE column shows it), Prometheus-style: <c>service="shop", env="prod"</c>.</summary>
    public static string Labels(AlertLabels labels)
    {
        var text = AlertLabels.From(labels.Where(l => l.Key != AlertLabels.AlertName)).ToString();
        return text.Length <= 2 ? "-" : text[1..^1];
    }

    /// <summary>One line saying where the alert stands, for <c>ack</c>.</summary>
    public static string StateLine(AlertInstance alert) =>
        $"#{alert.Id} {State(alert.State, Palette.Plain).Text} {alert.RuleName} {{{Labels(alert.Labels)}}}" +
        (alert.Acknowledgement is { } ack ? $", acknowledged by {ack.By}" + (ack.Comment is { Length: > 0 } c ? $": {c}" : string.Empty) : string.Empty);
}
