using Vigil.Model;

namespace Vigil;

/// <summary>
/// One entry of <see cref="ErrorsOptions.SeverityRules"/>: groups matching every condition set get
/// <see cref="Severity"/>; the first matching rule wins.
/// </summary>
public sealed class ErrorSeverityRuleOptions
{
    /// <summary>An exception type pattern, full or short name, case-insensitive, <c>*</c> for any text (<c>*Timeout*</c>).</summary>
    public string? Type { get; set; }

    /// <summary>The <c>service.name</c> that reported the event, exactly.</summary>
    public string? Service { get; set; }

    /// <summary>An attribute condition written <c>key=value</c>: the event's attribute must have this text value.</summary>
    public string? Attribute { get; set; }

    /// <summary>The severity to give: Low, Medium, High or Critical. Required.</summary>
    public ErrorSeverity? Severity { get; set; }
}
