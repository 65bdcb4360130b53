using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;

namespace Vigil.Cli.Commands.Errors;

/// <summary>The short human forms of an error group's fields, shared by the list, show and the status commands.</summary>
internal static class ErrorGroupText
{
    /// <summary>The status, with a regression called out: <c>regressed</c>, <c>resolved</c>, <c>ignored</c>.</summary>
    public static (string Text, Style Style) Status(ErrorGroup group, Palette palette) => group.Status switch
    {
        ErrorGroupStatus.Unresolved when group.IsRegression => ("regressed", palette.Error),
        ErrorGroupStatus.Unresolved => ("unresolved", palette.Warning),
        ErrorGroupStatus.Resolved => ("resolved", palette.Ok),
        _ => ("ignored", palette.Dim),
    };

    /// <summary>The severity, with an arrow when a spike raised it: <c>high↑</c>.</summary>
    public static (string Text, Style Style) Severity(ErrorGroup group, Palette palette, bool unicode)
    {
        var text = ErrorNames.Severity(group.Severity) + (group.SeverityRaised ? (unicode ? "↑" : "^") : string.Empty);
        var style = group.Severity switch
        {
            ErrorSeverity.Critical => palette.Level(21),
            ErrorSeverity.High => palette.Error,
            ErrorSeverity.Medium => palette.Warning,
            _ => palette.Dim,
        };
        return (text, style);
    }

    /// <summary><c>Type: message</c>, or the type alone.</summary>
    public static string Title(ErrorGroup group) =>
        string.IsNullOrEmpty(group.Message) ? group.Type : $"{group.Type}: {OneLine(group.Message)}";

    /// <summary>A time as <c>--time</c> asks: relative or local.</summary>
    public static string Time(DateTimeOffset moment, TimeProvider clock, bool relative) =>
        relative ? RelativeTimeFormatter.Relative(moment, clock.GetUtcNow()) : RelativeTimeFormatter.Local(moment, clock);

    /// <summary>The group's new state in one line, for <c>resolve</c>, <c>ignore</c> and <c>reopen</c>.</summary>
    public static string StateLine(ErrorGroup group, TimeProvider clock) =>
        string.Create(CultureInfo.InvariantCulture, $"#{group.Id} {State(group, clock)}: {Title(group)}");

    /// <summary>The status in words with its qualifiers: <c>resolved in the next release</c>, <c>ignored until ...</c>.</summary>
    public static string State(ErrorGroup group, TimeProvider clock) => group.Status switch
    {
        ErrorGroupStatus.Resolved when group.ResolvedInNextRelease => "resolved in the next release",
        ErrorGroupStatus.Ignored => "ignored" + IgnoreLimit(group, clock),
        _ => ErrorNames.Status(group.Status),
    };

    private static string IgnoreLimit(ErrorGroup group, TimeProvider clock)
    {
        var c = CultureInfo.InvariantCulture;
        var limits = new List<string>(2);
        if (group.IgnoredUntilCount is { } count)
        {
            limits.Add(string.Create(c, $"for {Math.Max(0, count - group.Count)} more events (until event {count})"));
        }

        if (group.IgnoredUntil is { } until)
        {
            limits.Add($"until {until.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", c)} (in {DurationFormatter.Format(until - clock.GetUtcNow())})");
        }

        return limits.Count == 0 ? string.Empty : " " + string.Join(" or ", limits);
    }

    private static string OneLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : string.Concat(text.AsSpan(0, end), " …");
    }
}
