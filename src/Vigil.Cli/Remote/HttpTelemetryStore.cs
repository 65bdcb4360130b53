using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Model;
using Vigil.Model.Json;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary>
/// The reading and triage roles (<see cref="IQueryStore"/>) over a Vigil server's query API (docs/api.md), so every
/// command prints the same thing whether it reads a store file or <c>--server URL</c>.
/// A server that cannot be reached, or refuses the key, becomes a <see cref="StoreException"/>
/// (exit code 2); a parameter the server refuses becomes a usage error (exit code 1). The one write,
/// an error group's status change, is in <c>HttpTelemetryStore.Errors.cs</c>.
/// </summary>
internal sealed partial class HttpTelemetryStore : IQueryStore
{
    /// <summary>How long one request may take before the server counts as unreachable.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    // The title of the query port's 404 for a path no endpoint takes (Vigil.Server's QueryNotFoundMiddleware).
    private const string NoSuchEndpointTitle = "No such endpoint";

    private readonly HttpClient _client;
    private readonly Uri _server;

    public HttpTelemetryStore(Uri server, string? apiKey)
    {
        _server = server;
        _client = new HttpClient { BaseAddress = server, Timeout = RequestTimeout };
        if (!string.IsNullOrEmpty(apiKey))
        {
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public string Location => _server.ToString();

    public async Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "api/logs" + new QueryString()
            .Add("service", query.ServiceName)
            .Add("level", query.MinimumSeverity)
            .Add("since", query.From)
            .Add("until", query.To)
            .Add("grep", query.Text)
            .Add("trace", query.TraceId)
            .AddEach("where", query.Attributes)
            .Add("limit", query.Limit)
            .Add("after", query.AfterSequence);
        var page = await GetAsync<RemotePage<LogEntry>>(path, cancellationToken).ConfigureAwait(false);
        return page?.Items ?? [];
    }

    public async Task<IReadOnlyList<TraceSummary>> QueryTracesAsync(TraceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "api/traces" + new QueryString()
            .Add("service", query.ServiceName)
            .Add("since", query.From)
            .Add("until", query.To)
            .Add("minDuration", query.MinDuration)
            .Add("errors", query.ErrorsOnly ? "true" : null)
            .Add("limit", query.Limit);
        var page = await GetAsync<RemotePage<TraceSummary>>(path, cancellationToken).ConfigureAwait(false);
        return page?.Items ?? [];
    }

    public async Task<IReadOnlyList<SpanEntry>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default)
    {
        var trace = await GetAsync<RemoteTrace>("api/traces/" + Uri.EscapeDataString(traceId), cancellationToken).ConfigureAwait(false);
        return trace?.Spans ?? [];
    }

    public async Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default)
    {
        var page = await GetAsync<RemotePage<MetricSummary>>("api/metrics", cancellationToken).ConfigureAwait(false);
        return page?.Items ?? [];
    }

    public async Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new QueryString()
            .Add("since", query.From)
            .Add("until", query.To)
            .Add("step", query.Step)
            .Add("service", query.ServiceName)
            .AddEach("where", query.Attributes);

        // An empty group-by list (combine every series) is sent as one empty "by".
        foreach (var key in query.GroupBy is { Count: 0 } ? [string.Empty] : query.GroupBy ?? [])
        {
            parameters.Add("by", key);
        }

        var result = await GetAsync<MetricQueryResult>("api/metrics/" + Uri.EscapeDataString(query.Name) + parameters, cancellationToken).ConfigureAwait(false);

        // A local store answers an unknown metric with no kind; the server with 404.
        return result ?? new MetricQueryResult { Name = query.Name, Step = query.Step };
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>GETs and reads JSON; null on 404 (an unknown trace, metric or error group).</summary>
    private Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken)
        where T : class =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), detail => new CliUsageException($"{Location}: {detail}"), cancellationToken);

    /// <summary>
    /// Sends the request (and disposes it) and reads JSON; null on a 404 problem. A 400 becomes
    /// <paramref name="badRequest"/>'s exception, a 501 (the server's store lacks the feature) a
    /// <see cref="NotSupportedException"/>, anything else unsuccessful a <see cref="StoreException"/>.
    /// </summary>
    private async Task<T?> SendAsync<T>(HttpRequestMessage request, Func<string, Exception> badRequest, CancellationToken cancellationToken)
        where T : class
    {
        HttpResponseMessage response;
        using (request)
        {
            try
            {
                response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new StoreException(Location, $"cannot reach the Vigil server at {Location}: {Describe(e)}", e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new StoreException(Location, $"the Vigil server at {Location} did not answer within {RequestTimeout.TotalSeconds:0} s", e);
            }
        }

        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound when await IsMissingItemAsync(response, cancellationToken).ConfigureAwait(false):
                    return null;
                // Only the query API's problem document names a refused parameter; a bare 400 comes from something
                // else at that URL (the HTTP/2-only OTLP/gRPC port, a proxy), which is a server the CLI cannot read.
                case HttpStatusCode.BadRequest when IsProblem(response):
                    throw badRequest(await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false));
                case HttpStatusCode.NotImplemented:
                    throw new NotSupportedException($"{Location}: {await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false)}");
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new StoreException(Location, $"the Vigil server at {Location} refused the request: {await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false)} (use --api-key or VIGIL_API_KEY)", null);
                case var status when !response.IsSuccessStatusCode:
                    var detail = await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false);
                    var hint = IsProblem(response) ? string.Empty : " (not an answer of Vigil's query API: is it the query port, 4320 by default?)";
                    throw new StoreException(Location, $"the Vigil server at {Location} answered {(int)status} {response.ReasonPhrase}: {detail}{hint}", null);
            }

            try
            {
                // The error and health endpoints write enums in camelCase; reading enum names ignores case.
                return await response.Content.ReadFromJsonAsync<T>(TelemetryJson.Options, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new StoreException(Location, $"{Location} did not answer like a Vigil server (is it the query port?): {e.Message}", e);
            }
        }
    }

    // HttpClient's TLS failure says only "The SSL connection could not be established, see inner exception." (an
    // https:// URL for a plain-http server, an untrusted certificate); the user cannot see that inner exception.
    private static string Describe(HttpRequestException exception)
    {
        const string SeeInner = ", see inner exception.";
        var message = exception.Message;
        if (exception.InnerException is { } inner && message.EndsWith(SeeInner, StringComparison.Ordinal))
        {
            while (inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            message = $"{message[..^SeeInner.Length]}: {inner.Message}";
        }

        return message;
    }

    /// <summary>
    /// A 404 problem means "no such trace, metric or error group" unless its title says the server has no such
    /// endpoint (the URL has a wrong path prefix, or names an OTLP port): that is a server that cannot be read (exit 2),
    /// not an empty answer or a missing item.
    /// </summary>
    private static async Task<bool> IsMissingItemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!IsProblem(response))
        {
            return false;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var problem = JsonDocument.Parse(text);
            return !(problem.RootElement.ValueKind == JsonValueKind.Object
                && problem.RootElement.TryGetProperty("title", out var title)
                && title.ValueKind == JsonValueKind.String
                && title.GetString() == NoSuchEndpointTitle);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page, say): fall through to the status text.
        }

        return response.ReasonPhrase ?? "no detail";
    }
}
