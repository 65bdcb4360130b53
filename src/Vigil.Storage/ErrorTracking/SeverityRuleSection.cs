using System.ComponentModel;
using Vigil.Model;

namespace Vigil.Storage;

/// <summary>One entry of <see cref="ErrorTrackingSection.SeverityRules"/>, as the binder reads it; see <see cref="SeverityRule"/>.</summary>
[Description("a severity rule")]
public sealed class SeverityRuleSection
{
    /// <summary>An exception type pattern, full or short name, case-insensitive, <c>*</c> for any text.</summary>
    public string? Type { get; set; }

    /// <summary>The <c>service.name</c> that reported the event, exactly.</summary>
    public string? Service { get; set; }

    /// <summary>An attribute condition written <c>key=value</c>.</summary>
    public string? Attribute { get; set; }

    /// <summary>The severity to give. Required.</summary>
    public ErrorSeverity? Severity { get; set; }

    internal SeverityRule ToRule() => new()
    {
        Type = string.IsNullOrWhiteSpace(Type) ? null : Type.Trim(),
        Service = string.IsNullOrWhiteSpace(Service) ? null : Service.Trim(),
        Attribute = Attribute is { } text && SeverityRule.TryParseAttribute(text, out var attribute) ? attribute : null,
        Severity = Severity ?? ErrorSeverity.Medium,
    };
}
