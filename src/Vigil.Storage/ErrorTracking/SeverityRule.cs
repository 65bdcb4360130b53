namespace Vigil.Storage;

/// <summary>
/// Gives matching error groups a severity. A rule matches when every condition it sets matches; the first matching
/// rule of <see cref="ErrorTrackingOptions.SeverityRules"/> wins, and a group no rule matches is
/// <see cref="ErrorTrackingOptions.DefaultSeverity"/>.
/// </summary>
public sealed record SeverityRule
{
    /// <summary>
    /// A pattern over the exception type, full or short name, case-insensitive, where <c>*</c> matches any text
    /// (<c>*ValidationException</c>, <c>System.Security.*</c>, <c>*Sql*</c>).
    /// </summary>
    public string? Type { get; init; }

    /// <summary>The <c>service.name</c> that reported the event, exactly.</summary>
    public string? Service { get; init; }

    /// <summary>An attribute of the event, its log record or span, that must have this text value.</summary>
    public KeyValuePair<string, string>? Attribute { get; init; }

    /// <summary>The severity to give.</summary>
    public ErrorSeverity Severity { get; init; }
}
