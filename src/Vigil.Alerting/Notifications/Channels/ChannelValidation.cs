using System.Net.Mail;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications.Channels;

/// <summary>The checks every channel's options share; each problem names its key path and what is allowed.</summary>
internal static class ChannelValidation
{
    /// <summary>The longest text value accepted in a channel's options; real ones are far shorter.</summary>
    public const int MaxTextLength = 2048;

    /// <summary>An absolute http or https URL without user information (a secret belongs in its own field).</summary>
    public static void Url(List<ConfigurationProblem> problems, string path, Uri? url, bool required = true)
    {
        if (url is null)
        {
            if (required)
            {
                problems.Add(new(path, "required: an absolute http:// or https:// URL"));
            }

            return;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add(new(path, $"{ConfigurationText.Show(url.OriginalString)} is not an absolute http:// or https:// URL"));
        }
        else if (url.OriginalString.Length > MaxTextLength)
        {
            problems.Add(new(path, $"longer than {MaxTextLength} characters"));
        }
        else if (url.UserInfo.Length > 0)
        {
            problems.Add(new(path, "must not carry a user or password in the URL"));
        }
    }

    /// <summary>Optional text of a bounded length without control characters.</summary>
    public static void Text(List<ConfigurationProblem> problems, string path, string? text, int maxLength = MaxTextLength, bool required = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                problems.Add(new(path, "required"));
            }

            return;
        }

        if (text.Length > maxLength)
        {
            problems.Add(new(path, $"longer than {maxLength} characters"));
        }
        else if (text.Any(char.IsControl))
        {
            problems.Add(new(path, "must not contain control characters (line breaks, tabs, NUL)"));
        }
    }

    /// <summary>A TCP port, 1 to 65535.</summary>
    public static void Port(List<ConfigurationProblem> problems, string path, int? port)
    {
        if (port is { } p && (p < 1 || p > 65535))
        {
            problems.Add(new(path, $"{p} is not a TCP port (1 to 65535)"));
        }
    }

    /// <summary>One e-mail address such as <c>ops@example.com</c> (no display name, no list).</summary>
    public static bool IsMailAddress(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= 254 && !text.Any(char.IsControl) && !text.Contains(',', StringComparison.Ordinal)
        && MailAddress.TryCreate(text, out var address) && address.Address == text.Trim() && address.DisplayName.Length == 0;
}
