using System.Globalization;
using System.Net.Http.Json;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Cli.Remote;

/// <summary>Error groups and health over <c>/api/errors</c> and <c>/api/health</c> (docs/api.md).</summary>
internal sealed partial class HttpTelemetryStore
{
    public async Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "api/errors" + new QueryString()
            .Add("service", query.ServiceName)
            .Add("since", query.From)
            .Add("until", query.To)
            .Add("status", Name(query.Status))
            .Add("severity", Name(query.MinimumSeverity))
            .Add("limit", query.Limit);
        var page = await GetAsync<RemotePage<ErrorGroup>>(path, cancellationToken).ConfigureAwait(false);
        return page?.Items ?? [];
    }

    public Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default)
    {
        var path = "api/errors/" + id.ToString(CultureInfo.InvariantCulture) + new QueryString()
            .Add("hours", hours)
            .Add("events", latestEvents);
        return GetAsync<ErrorGroupDetail>(path, cancellationToken);
    }

    public Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var body = new RemoteStatusChange(Name<ErrorGroupStatus>(change.Status)!, change.InNextRelease, change.IgnoreForEvents, change.IgnoreUntil);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/errors/" + id.ToString(CultureInfo.InvariantCulture) + "/status", UriKind.Relative))
        {
            Content = JsonContent.Create(body, options: TelemetryJson.Options),
        };

        // The server's refusal of the change is the contract's ArgumentException, with the server's words.
        return SendAsync<ErrorGroup>(request, detail => new ArgumentException(detail, nameof(change)), cancellationToken);
    }

    public async Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "api/health" + new QueryString()
            .Add("service", query.ServiceName)
            .Add("kind", Name(query.Kind))
            .Add("staleAfter", MeaningfulStaleAfter(query.StaleAfter));
        var page = await GetAsync<RemotePage<HealthState>>(path, cancellationToken).ConfigureAwait(false);
        return page?.Items ?? [];
    }

    // A state silent for longer than ForgetAfter is not shown at all, so any longer limit means the same as that one;
    // sending it as it is could exceed the longest duration the API reads, and the server would refuse what a file accepts.
    private static TimeSpan? MeaningfulStaleAfter(TimeSpan? staleAfter) =>
        staleAfter > HealthStaleness.ForgetAfter ? HealthStaleness.ForgetAfter : staleAfter;

    // The API spells its enum values in camelCase, in parameters as in answers (docs/api.md).
    private static string? Name<T>(T? value)
        where T : struct, Enum => value is { } v ? TelemetryJson.Name(v) : null;
}
