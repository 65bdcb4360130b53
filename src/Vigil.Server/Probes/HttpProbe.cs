using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Model;

namespace Vigil.Server.Probes;

/// <summary>
/// An HTTP probe: one request per attempt on a new connection (so every attempt connects, and a TLS handshake
/// shows the certificate), then the status, body, latency and certificate checks.
/// </summary>
internal sealed partial class HttpProbe : IProbe
{
    /// <summary>The most of a body read for the body checks: a probe is not a download.</summary>
    internal const int MaxBodyBytes = 1024 * 1024;

    /// <summary>How long the body regex may run; a pattern that backtracks longer fails the attempt.</summary>
    internal static readonly TimeSpan RegexMatchTimeout = TimeSpan.FromSeconds(1);

    private readonly ProbeDefinition _definition;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly HttpMethod _method;
    private readonly Regex? _bodyRegex;

    // Written by the certificate callback during an attempt; attempts of one probe never overlap.
    private DateTime? _certificateNotAfter;

    public HttpProbe(ProbeDefinition definition, TimeProvider time)
    {
        _definition = definition;
        _time = time;
        _method = HttpMethod.Parse(definition.Method);
        _bodyRegex = definition.BodyMatches is { } pattern ? CreateBodyRegex(pattern) : null;
        var handler = new SocketsHttpHandler
        {
            // No reuse: each attempt opens its own connection, like a new client would.
            PooledConnectionLifetime = TimeSpan.Zero,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = ValidateCertificate;
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>The body regex as probes compile it (also used to validate configuration).</summary>
    internal static Regex CreateBodyRegex(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant, RegexMatchTimeout);

    public async Task<ProbeAttempt> RunAsync(CancellationToken cancellationToken)
    {
        _certificateNotAfter = null;
        using var request = new HttpRequestMessage(_method, _definition.Url);
        foreach (var (name, value) in _definition.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        string? body = null;
        if (_definition.BodyContains is not null || _bodyRegex is not null)
        {
            body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var latency = Stopwatch.GetElapsedTime(started);
        var statusCode = (int)response.StatusCode;
        var data = new List<KeyValuePair<string, object?>> { new("http.response.status_code", statusCode) };
        var problems = new List<string>();
        var status = HealthStatus.Healthy;

        if (!IsExpected(statusCode))
        {
            status = HealthStatus.Unhealthy;
            problems.Add($"status {statusCode}, expected {DescribeExpected()}");
        }

        if (body is not null)
        {
            status = CheckBody(body, problems, status);
        }

        if (_definition.MaxLatency is { } maxLatency && latency > maxLatency)
        {
            status = Worst(status, HealthStatus.Degraded);
            problems.Add($"answered in {Milliseconds(latency)}, over the maximum of {Milliseconds(maxLatency)}");
        }

        if (_certificateNotAfter is { } notAfter)
        {
            var daysLeft = (notAfter.ToUniversalTime() - _time.GetUtcNow().UtcDateTime).TotalDays;
            data.Add(new("tls.certificate.days_left", Math.Floor(daysLeft)));
            if (_definition.MinCertificateDays is { } minimum && daysLeft < minimum)
            {
                status = Worst(status, HealthStatus.Degraded);
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"TLS certificate expires in {daysLeft:0.#} days (minimum {minimum})"));
            }
        }

        var summary = $"{_method} {_definition.Url} answered {statusCode} in {Milliseconds(latency)}";
        return new ProbeAttempt(status, problems.Count == 0 ? summary : $"{string.Join("; ", problems)} ({summary})", data);
    }

    public void Dispose() => _client.Dispose();
}
