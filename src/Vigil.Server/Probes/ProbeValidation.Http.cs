using System.Net.Http.Headers;
using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Server.Probes;

/// <summary>The HTTP probe's keys.</summary>
internal static partial class ProbeValidation
{
    private static void ValidateHttp(ProbeDefinition probe, Action<string, string> add)
    {
        if (probe.Url is null)
        {
            add("Url", "is required: an absolute http:// or https:// URL");
        }
        else if (!probe.Url.IsAbsoluteUri || (probe.Url.Scheme != Uri.UriSchemeHttp && probe.Url.Scheme != Uri.UriSchemeHttps) || probe.Url.Host.Length == 0)
        {
            add("Url", $"{ConfigurationText.Show(probe.Url.OriginalString)} is not allowed: an absolute http:// or https:// URL");
        }
        else if (probe.MinCertificateDays is not null && probe.Url.Scheme != Uri.UriSchemeHttps)
        {
            add("MinCertificateDays", "applies only to https:// URLs");
        }

        if (!MethodPattern().IsMatch(probe.Method) || probe.Method.Length > 20)
        {
            add("Method", $"{ConfigurationText.Show(probe.Method)} is not allowed: an HTTP method such as GET, HEAD or POST");
        }

        for (var i = 0; i < probe.ExpectedStatus.Count; i++)
        {
            if (probe.ExpectedStatus[i] is < 100 or > 599)
            {
                add($"ExpectedStatus:{i}", $"{probe.ExpectedStatus[i]} is not allowed: a status code from 100 to 599");
            }
        }

        if (probe.BodyContains is { Length: 0 })
        {
            add("BodyContains", "'' is not allowed: the text the body must contain");
        }

        if (probe.BodyMatches is { } pattern)
        {
            try
            {
                HttpProbe.CreateBodyRegex(pattern);
            }
            catch (ArgumentException e)
            {
                add("BodyMatches", $"{ConfigurationText.Show(pattern)} is not a .NET regular expression: {e.Message}");
            }
        }

        if (probe.MaxLatency is { } latency && latency <= TimeSpan.Zero)
        {
            add("MaxLatency", $"{DurationGrammar.Format(latency)} is not allowed: {DurationText.Allowed}");
        }

        if (probe.MinCertificateDays is < 0 or > MaxCertificateDays)
        {
            add("MinCertificateDays", $"{probe.MinCertificateDays} is not allowed: a whole number of days from 0 to {MaxCertificateDays}");
        }

        ValidateHeaders(probe, add);
    }

    private static void ValidateHeaders(ProbeDefinition probe, Action<string, string> add)
    {
        using var request = new HttpRequestMessage();
        foreach (var (name, value) in probe.Headers)
        {
            // CR or LF in a value would smuggle in more headers; content headers cannot go on a request without a body.
            if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                add($"Headers:{name}", $"{ConfigurationText.Show(value)} is not allowed: a header value on one line");
            }
            else if (!IsToken(name) || !request.Headers.TryAddWithoutValidation(name, value))
            {
                add($"Headers:{name}", $"{ConfigurationText.Show(name)} is not allowed: a request header name (content headers such as Content-Type cannot be sent without a body)");
            }
        }
    }

    private static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        try
        {
            // Throws for anything that is not an RFC 9110 token.
            _ = new NameValueHeaderValue(name);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
