using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Vigil.Metrics.Influx;

/// <summary>
/// Posts writes to InfluxDB's 1.x (<c>/write</c>) or 2.x/3.x (<c>/api/v2/write</c>) API. A network error, a timeout,
/// 429 or a 5xx answer is retried with exponential backoff and jitter (honouring <c>Retry-After</c>, as InfluxDB's
/// own clients do); any other refusal is final, since sending the same body again gets the same answer.
/// </summary>
internal sealed class InfluxWriteClient : IDisposable
{
    /// <summary>The first retry's delay; each next one doubles it, up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts, also for a server's <c>Retry-After</c>.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly Uri _writeUri;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly int _maxAttempts;
    private readonly TimeProvider _time;

    public InfluxWriteClient(InfluxSinkOptions options, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds);
        _writeUri = WriteUri(options);
        _authorization = Authorization(options);
        _maxAttempts = options.MaxAttempts;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The address writes go to, with the database or bucket and nanosecond precision.</summary>
    public static Uri WriteUri(InfluxSinkOptions options)
    {
        var endpoint = (options.Endpoint ?? new Uri("http://localhost:8086")).AbsoluteUri.TrimEnd('/');
        var query = options.ApiVersion == InfluxApiVersion.V1
            ? $"/write?db={Uri.EscapeDataString(options.Database ?? string.Empty)}&precision=ns" + (options.RetentionPolicy is { } rp ? $"&rp={Uri.EscapeDataString(rp)}" : string.Empty)
            : $"/api/v2/write?bucket={Uri.EscapeDataString(options.Bucket ?? string.Empty)}&precision=ns" + (options.Organization is { } org ? $"&org={Uri.EscapeDataString(org)}" : string.Empty);
        return new Uri(endpoint + query);
    }

    // 1.x takes basic authentication (its documented alternative to ?u=&p=, which would put the password in logs);
    // 2.x and 3.x take a token.
    private static AuthenticationHeaderValue? Authorization(InfluxSinkOptions options) => options.ApiVersion switch
    {
        InfluxApiVersion.V1 when options.Username is { } user =>
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.Password}"))),
        InfluxApiVersion.V2 when options.Token is { } token => new AuthenticationHeaderValue("Token", token),
        _ => null,
    };

    /// <summary>Sends one write, returning once the server accepted it (2xx).</summary>
    /// <exception cref="InfluxWriteException">The server refused it, or every attempt failed.</exception>
    public void Send(InfluxWrite write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri)
                {
                    Content = new ByteArrayContent(write.Body),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
                request.Headers.Authorization = _authorization;
                using var response = _http.Send(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                failure = $"{(int)response.StatusCode} {ReadBody(response)}";
                if (!IsRetryable(response.StatusCode))
                {
                    throw new InfluxWriteException($"InfluxDB refused a write of {write.Lines} lines: {failure}");
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failure = $"{exception.GetType().Name}: {exception.Message}";
            }

            if (attempt >= _maxAttempts)
            {
                throw new InfluxWriteException($"InfluxDB write of {write.Lines} lines failed after {attempt} attempts: {failure}");
            }

            Task.Delay(Backoff(attempt, retryAfter), _time, cancellationToken).GetAwaiter().GetResult();
        }
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: the server's <c>Retry-After</c>, else doubling with full jitter.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > MaxDelay ? MaxDelay : asked;
        }

        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));

        // Half fixed, half random: writers that failed together do not retry together.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    private static string ReadBody(HttpResponseMessage response)
    {
        try
        {
            using var reader = new StreamReader(response.Content.ReadAsStream());
            var text = reader.ReadToEnd();
            return text.Length > 500 ? text[..500] + "..." : text.Trim();
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return string.Empty;
        }
    }

    public void Dispose() => _http.Dispose();
}
