using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Vigil.Alerting.Notifications.Channels;

/// <summary>
/// One POST of a JSON body, with the answer turned into success or a <see cref="NotificationDeliveryException"/>
/// whose one-line message the notifier records. Retrying is the notifier's: this only says whether a retry can help.
/// </summary>
internal static class ChannelHttp
{
    // Enough of a refusal's body to say why (Slack answers "invalid_payload", Alertmanager a validation message).
    private const int MaxReasonChars = 200;

    /// <summary>
    /// The client a channel posts with: no redirects (a receiver must not bounce alerts elsewhere) and no timeout of
    /// its own (the notifier times each attempt out and cancels).
    /// </summary>
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>Sends <paramref name="request"/> with <paramref name="json"/> as its body; <paramref name="target"/> names the destination in messages without its secret path.</summary>
    public static async Task SendJsonAsync(HttpClient http, HttpRequestMessage request, byte[] json, string target, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Content = content;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new NotificationDeliveryException($"{target}: could not connect ({OneLine(e.Message)})", retryable: true, innerException: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationDeliveryException($"{target}: no answer within the HTTP client's timeout", retryable: true, innerException: e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var reason = await ReasonAsync(response, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var message = $"{target}: HTTP {status} {response.ReasonPhrase}{(reason.Length > 0 ? ": " + reason : string.Empty)}";
            throw new NotificationDeliveryException(message, IsRetryable(response.StatusCode), RetryAfter(response));
        }
    }

    /// <summary>The scheme, host and port of a URL: what a message may show of a webhook whose path is its secret.</summary>
    public static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);

    /// <summary>Server errors, timeouts and rate limits may pass; any other refusal will be refused again.</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>The wait a 429 or 503 asked for, in seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (response.Headers.Date ?? DateTimeOffset.UtcNow);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Text on one line, shortened: an attempt's record is one line.</summary>
    public static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxReasonChars ? line : string.Concat(line.AsSpan(0, MaxReasonChars - 3), "...");
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Read a bounded prefix: a hostile or broken receiver may answer with a huge body.
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new char[MaxReasonChars * 2];
                using var reader = new StreamReader(stream);
                var read = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
                return OneLine(new string(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"(the body could not be read: {OneLine(e.Message)})");
        }
    }
}
