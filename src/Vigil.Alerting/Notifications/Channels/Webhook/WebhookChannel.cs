using System.Globalization;
using System.Net.Http.Headers;
using Vigil.Alerting.Notifications.Channels;

namespace Vigil.Alerting.Notifications;

/// <summary>Posts the Alertmanager webhook v4 payload; a 2xx answer is delivery, 429 and 5xx are worth a retry, other answers are not.</summary>
internal sealed class WebhookChannel : INotificationChannel, IDisposable
{
    /// <summary>The request header that carries <see cref="Notification.Key"/>.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly WebhookChannelOptions _options;
    private readonly HttpClient _http = ChannelHttp.CreateClient();

    public WebhookChannel(string name, WebhookChannelOptions options)
    {
        Name = name;
        _options = options;
    }

    public string Name { get; }

    public string Kind => WebhookChannelKind.KindName;

    public async Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url);
        request.Content = new ByteArrayContent(WebhookPayload.Write(notification, _options.MaxAlerts ?? 0));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // The same message sent twice (a new leader resending what the old one sent but never recorded) carries the
        // same key, so a receiver that keeps the keys it has seen drops the repeat. The value is a quoted string, as
        // the IETF draft on the Idempotency-Key header field writes it; a configured header of that name wins.
        if (!request.Headers.Contains(IdempotencyKeyHeader))
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, $"\"{notification.Key}\"");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new NotificationDeliveryException($"{_options.Url!.GetLeftPart(UriPartial.Authority)} could not be reached: {e.Message}", retryable: true, innerException: e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            // Which refusals are worth a retry, and how long one asked to wait, are every HTTP channel's (ChannelHttp).
            throw new NotificationDeliveryException(
                string.Create(CultureInfo.InvariantCulture, $"the receiver answered {(int)response.StatusCode} {response.ReasonPhrase}"),
                ChannelHttp.IsRetryable(response.StatusCode),
                ChannelHttp.RetryAfter(response));
        }
    }

    public void Dispose() => _http.Dispose();
}
