using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Vigil.Alerting.Notifications;

/// <summary>Posts the Alertmanager webhook v4 payload; a 2xx answer is delivery, 429 and 5xx are worth a retry, other answers are not.</summary>
internal sealed class WebhookChannel : INotificationChannel, IDisposable
{
    private readonly WebhookChannelOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public WebhookChannel(string name, WebhookChannelOptions options, TimeProvider time)
    {
        Name = name;
        _options = options;
        _time = time;

        // The notifier times each attempt out itself; no redirects, so a receiver cannot bounce alerts elsewhere.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
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

            var status = (int)response.StatusCode;
            var retryable = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
            throw new NotificationDeliveryException(
                string.Create(CultureInfo.InvariantCulture, $"the receiver answered {status} {response.ReasonPhrase}"),
                retryable,
                RetryAfter(response, _time.GetUtcNow()));
        }
    }

    public void Dispose() => _http.Dispose();

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
