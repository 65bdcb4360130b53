using System.Net;

namespace Vigil.Metrics;

/// <summary>What <see cref="SinkHttp.Send"/> ended with: success, a final refusal, or every attempt failed.</summary>
/// <param name="Succeeded">The server answered 2xx.</param>
/// <param name="Refused">The server answered a status that is not retried (sending the same body again gets the same answer).</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Failure">The last failure: the status and the start of the body, or the exception; null on success.</param>
internal readonly record struct SinkHttpOutcome(bool Succeeded, bool Refused, int Attempts, string? Failure);

/// <summary>
/// How the SDK's HTTP metric sinks (InfluxDB, the Pushgateway) send one request: a network error, a timeout, 408, 429 or a
/// 5xx answer is retried with exponential backoff and jitter, honouring <c>Retry-After</c>; any other refusal is final.
/// </summary>
internal static class SinkHttp
{
    /// <summary>The first retry's delay; each next one doubles it, up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts, also for a server's <c>Retry-After</c>.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>Sends the request <paramref name="createRequest"/> makes (a new one per attempt) up to <paramref name="maxAttempts"/> times.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SinkHttpOutcome Send(HttpClient http, Func<HttpRequestMessage> createRequest, int maxAttempts, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var request = createRequest();
                using var response = http.Send(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return new SinkHttpOutcome(true, false, attempt, null);
                }

                failure = $"{(int)response.StatusCode} {ReadBody(response)}";
                if (!IsRetryable(response.StatusCode))
                {
                    return new SinkHttpOutcome(false, true, attempt, failure);
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failure = $"{exception.GetType().Name}: {exception.Message}";
            }

            if (attempt >= maxAttempts)
            {
                return new SinkHttpOutcome(false, false, attempt, failure);
            }

            Task.Delay(Backoff(attempt, retryAfter), time, cancellationToken).GetAwaiter().GetResult();
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
}
