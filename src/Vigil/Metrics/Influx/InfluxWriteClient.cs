using System.Net.Http.Headers;
using System.Text;

namespace Vigil.Metrics.Influx;

/// <summary>
/// Posts writes to InfluxDB's 1.x (<c>/write</c>) or 2.x/3.x (<c>/api/v2/write</c>) API. A network error, a timeout,
/// 429 or a 5xx answer is retried with exponential backoff and jitter (honouring <c>Retry-After</c>, as InfluxDB's
/// own clients do; <see cref="SinkHttp"/>); any other refusal is final, since sending the same body again gets the same answer.
/// </summary>
internal sealed class InfluxWriteClient : IDisposable
{
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
        var outcome = SinkHttp.Send(_http, () => Request(write), _maxAttempts, _time, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InfluxWriteException(outcome.Refused
                ? $"InfluxDB refused a write of {write.Lines} lines: {outcome.Failure}"
                : $"InfluxDB write of {write.Lines} lines failed after {outcome.Attempts} attempts: {outcome.Failure}");
        }
    }

    private HttpRequestMessage Request(InfluxWrite write)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = new ByteArrayContent(write.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        request.Headers.Authorization = _authorization;
        return request;
    }

    public void Dispose() => _http.Dispose();
}
