using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Vigil.Model;

namespace Vigil.Server.Probes;

/// <summary>The checks of one HTTP answer: status, body, and the certificate seen during the handshake.</summary>
internal sealed partial class HttpProbe
{
    private static HealthStatus Worst(HealthStatus a, HealthStatus b) => a > b ? a : b;

    private static string Milliseconds(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms");

    private bool IsExpected(int statusCode) =>
        _definition.ExpectedStatus.Count == 0 ? statusCode is >= 200 and <= 299 : _definition.ExpectedStatus.Contains(statusCode);

    private string DescribeExpected() =>
        _definition.ExpectedStatus.Count == 0 ? "2xx" : string.Join(" or ", _definition.ExpectedStatus);

    private HealthStatus CheckBody(string body, List<string> problems, HealthStatus status)
    {
        if (_definition.BodyContains is { } text && !body.Contains(text, StringComparison.Ordinal))
        {
            status = HealthStatus.Unhealthy;
            problems.Add($"the body does not contain \"{text}\"");
        }

        if (_bodyRegex is not null)
        {
            try
            {
                if (!_bodyRegex.IsMatch(body))
                {
                    status = HealthStatus.Unhealthy;
                    problems.Add($"the body does not match /{_bodyRegex}/");
                }
            }
            catch (RegexMatchTimeoutException)
            {
                status = HealthStatus.Unhealthy;
                problems.Add($"matching the body against /{_bodyRegex}/ took over {RegexMatchTimeout.TotalSeconds:0} s");
            }
        }

        return status;
    }

    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is X509Certificate2 certificate2)
        {
            _certificateNotAfter = certificate2.NotAfter;
        }

        return errors == SslPolicyErrors.None || _definition.AllowUntrustedCertificate;
    }
}
