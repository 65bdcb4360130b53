using Vigil.Model;

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

    /// <summary>
    /// Reads an <see cref="Attribute"/> condition written as <c>key=value</c> in configuration (the SDK's and the
    /// server's); both sides are trimmed, the key must not be blank, the value may be empty.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="attribute">The condition read.</param>
    /// <returns>False when the text has no <c>=</c> or a blank key.</returns>
    public static bool TryParseAttribute(string text, out KeyValuePair<string, string> attribute)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = equals > 0 ? text[..equals].Trim() : string.Empty;
        attribute = new(key, equals > 0 ? text[(equals + 1)..].Trim() : string.Empty);
        return key.Length > 0;
    }
}
