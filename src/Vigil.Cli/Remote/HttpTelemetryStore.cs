using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary>
/// The reading and triage roles (<see cref="IQueryStore"/>) over a Vigil server's query API (docs/api.md), so every
/// command prints the same thing whether it reads a store file or <c>--server URL</c>.
/// A server that cannot be reached, or refuses the key, becomes a <see cref="StoreException"/>
/// (exit code 2); a parameter the server refuses becomes a usage error (exit code 1). The writes are an error
/// group's status change (<c>HttpTelemetryStore.Errors.cs</c>) and alert triage (<c>HttpTelemetryStore.Alerts.cs</c>).
/// </summary>
internal sealed partial class HttpTelemetryStore : IQueryStore
{
    /// <summary>How long one request may take before the server counts as unreachable.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

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
            .Add(ApiQueryParameters.Logs.Service, query.ServiceName)
            .Add(ApiQueryParameters.Logs.Level, query.MinimumSeverity)
            .Add(ApiQueryParameters.Logs.Since, query.From)
            .Add(ApiQueryParameters.Logs.Until, query.To)
            .Add(ApiQueryParameters.Logs.Grep, query.Text)
            .Add(ApiQueryParameters.Logs.Trace, query.TraceId)
            .AddEach(ApiQueryParameters.Logs.Where, query.Attributes)
            .Add(ApiQueryParameters.Logs.Limit, query.Limit)
            .Add(ApiQueryParameters.Logs.After, query.AfterSequence)
            .Add(ApiQueryParameters.Logs.Before, query.BeforeSequence);
        var page = await GetAsync(path, ApiJson.TypeInfo<ApiPage<ApiLogRecord>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(r => r.ToModel())];
    }

    public async Task<IReadOnlyList<TraceSummary>> QueryTracesAsync(TraceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "api/traces" + new QueryString()
            .Add(ApiQueryParameters.Traces.Service, query.ServiceName)
            .Add(ApiQueryParameters.Traces.Root, query.RootName)
            .Add(ApiQueryParameters.Traces.Since, query.From)
            .Add(ApiQueryParameters.Traces.Until, query.To)
            .Add(ApiQueryParameters.Traces.MinDuration, query.MinDuration)
            .Add(ApiQueryParameters.Traces.Errors, query.ErrorsOnly ? "true" : null)
            .Add(ApiQueryParameters.Traces.Limit, query.Limit);
        var page = await GetAsync(path, ApiJson.TypeInfo<ApiPage<ApiTraceSummary>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(t => t.ToModel())];
    }

    public async Task<IReadOnlyList<SpanEntry>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default)
    {
        // The trace's logs are read through /api/logs, like a local store's.
        var trace = await GetAsync("api/traces/" + Uri.EscapeDataString(traceId), ApiJson.TypeInfo<ApiTraceDetail>(), cancellationToken).ConfigureAwait(false);
        return trace is null ? [] : [.. trace.Spans.Select(s => s.ToModel())];
    }

    public async Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default)
    {
        var page = await GetAsync("api/metrics", ApiJson.TypeInfo<ApiPage<ApiMetricSummary>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(m => m.ToModel())];
    }

    public async Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new QueryString()
            .Add(ApiQueryParameters.Metric.Since, query.From)
            .Add(ApiQueryParameters.Metric.Until, query.To)
            .Add(ApiQueryParameters.Metric.Step, query.Step)
            .Add(ApiQueryParameters.Metric.Service, query.ServiceName)
            .AddEach(ApiQueryParameters.Metric.Where, query.Attributes);

        // An empty group-by list (combine every series) is sent as one empty "by".
        foreach (var key in query.GroupBy is { Count: 0 } ? [string.Empty] : query.GroupBy ?? [])
        {
            parameters.Add(ApiQueryParameters.Metric.By, key);
        }

        var result = await GetAsync("api/metrics/" + Uri.EscapeDataString(query.Name) + parameters, ApiJson.TypeInfo<ApiMetricQueryResult>(), cancellationToken).ConfigureAwait(false);

        // A local store answers an unknown metric with no kind; the server with 404.
        return result?.ToModel() ?? new MetricQueryResult { Name = query.Name, Step = query.Step };
    }

    public async Task<IReadOnlyList<MetricPoint>> ReadLatestPointsAsync(LatestPointsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var parameters = new QueryString()
            .Add(ApiQueryParameters.MetricPoints.Filter, query.NamePattern)
            .Add(ApiQueryParameters.MetricPoints.Limit, query.Limit);
        var page = await GetAsync("api/metric-points" + parameters, ApiJson.TypeInfo<ApiPage<ApiMetricPoint>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(p => p.ToModel())];
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>GETs and reads JSON; null on 404 (an unknown trace, metric or error group).</summary>
    private Task<T?> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), type, detail => new CliUsageException($"{Location}: {detail}"), cancellationToken);

    /// <summary>
    /// Sends the request (and disposes it) and reads JSON; null on a 404 problem. A 400 becomes
    /// <paramref name="badRequest"/>'s exception, a 501 (the server's store lacks the feature) a
    /// <see cref="NotSupportedException"/>, anything else unsuccessful a <see cref="StoreException"/>.
    /// </summary>
    private async Task<T?> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, Func<string, Exception> badRequest, CancellationToken cancellationToken)
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
                // A 409 says the item's state refuses the change (acknowledging an alert that is not firing).
                case HttpStatusCode.BadRequest or HttpStatusCode.Conflict when IsProblem(response):
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
                return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
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
        return ReadProblem(text) is not { Title: ApiProblemTitles.NoSuchEndpoint };
    }

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ReadProblem(text)?.Detail ?? response.ReasonPhrase ?? "no detail";
    }

    /// <summary>The problem document in <paramref name="text"/>; null when it is not one (a proxy's error page, say).</summary>
    private static ApiProblem? ReadProblem(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, ApiJson.TypeInfo<ApiProblem>());
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
