using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>
/// Secrets masked before any sink sees them (configuration section <c>Redaction</c>). A value is
/// replaced when its key, compared without case and ignoring <c>_</c>, <c>-</c> and <c>.</c>, contains one of <see cref="Keys"/>.
/// </summary>
public sealed class RedactionOptions
{
    /// <summary>The text that replaces a secret value.</summary>
    public const string DefaultReplacement = "***";

    /// <summary>Whether redaction is applied. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Key fragments that mark a secret. Default: password, passwd, pwd, secret, token, authorization,
    /// apikey, api_key, connectionstring, connection_string, credential, cookie. Configured keys are added to these.
    /// </summary>
    public IList<string> Keys { get; } = new List<string>();

    /// <summary>The replacement text. Default: <c>***</c>.</summary>
    [Required]
    public string Replacement { get; set; } = DefaultReplacement;
}
