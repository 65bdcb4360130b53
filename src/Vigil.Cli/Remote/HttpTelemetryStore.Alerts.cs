using System.Globalization;
using System.Net.Http.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary>
/// Alerts and silences (<see cref="IAlertTriageStore"/>) over <c>/api/alerts</c> and <c>/api/silences</c>
/// (docs/api.md). The server's refusals keep the contract's meaning: acknowledging an alert that is not firing (409)
/// and a silence the server refuses (400) are <see cref="ArgumentException"/>s with the server's words.
/// </summary>
internal sealed partial class HttpTelemetryStore
{
    public async Task<IReadOnlyList<AlertInstance>> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new QueryString();
        foreach (var state in query.States)
        {
            parameters.Add(ApiQueryParameters.Alerts.State, (ApiAlertState?)state.ToApi());
        }

        parameters.Add(ApiQueryParameters.Alerts.Rule, query.RuleName);
        foreach (var matcher in query.Matchers)
        {
            parameters.Add(ApiQueryParameters.Alerts.Match, matcher.ToString());
        }

        parameters.Add(ApiQueryParameters.Alerts.Limit, query.Limit);
        var page = await GetAsync("api/alerts" + parameters, ApiJson.TypeInfo<ApiPage<ApiAlert>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(a => a.ToModel())];
    }

    public async Task<AlertInstance?> GetAlertAsync(long id, CancellationToken cancellationToken = default)
    {
        var alert = await GetAsync("api/alerts/" + id.ToString(CultureInfo.InvariantCulture), ApiJson.TypeInfo<ApiAlert>(), cancellationToken).ConfigureAwait(false);
        return alert?.ToModel();
    }

    public async Task<IReadOnlyList<AlertTransition>> QueryAlertHistoryAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default)
    {
        var page = await GetAsync("api/alerts/history" + HistoryParameters(query), ApiJson.TypeInfo<ApiPage<ApiAlertTransition>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(t => t.ToModel())];
    }

    public async Task<IReadOnlyList<NotificationAttempt>> QueryNotificationsAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default)
    {
        var page = await GetAsync("api/alerts/notifications" + HistoryParameters(query), ApiJson.TypeInfo<ApiPage<ApiNotificationAttempt>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(a => a.ToModel())];
    }

    public async Task<AlertInstance?> AcknowledgeAlertAsync(long id, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        // The server stamps the time from its own clock, as a store file's writer would from the CLI's.
        var body = new ApiAcknowledgeRequest { By = acknowledgement.By, Comment = acknowledgement.Comment };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/alerts/" + id.ToString(CultureInfo.InvariantCulture) + "/ack", UriKind.Relative))
        {
            Content = JsonContent.Create(body, ApiJson.TypeInfo<ApiAcknowledgeRequest>()),
        };
        var alert = await SendAsync(request, ApiJson.TypeInfo<ApiAlert>(), detail => new ChangeRefusedException(detail), cancellationToken).ConfigureAwait(false);
        return alert?.ToModel();
    }

    public async Task<Silence> CreateSilenceAsync(Silence silence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/silences", UriKind.Relative))
        {
            Content = JsonContent.Create(silence.ToRequest(), ApiJson.TypeInfo<ApiSilenceRequest>()),
        };
        var created = await SendAsync(request, ApiJson.TypeInfo<ApiSilence>(), detail => new ChangeRefusedException(detail), cancellationToken).ConfigureAwait(false);
        return created?.ToModel() ?? throw new StoreException(Location, $"the Vigil server at {Location} answered the new silence with 404", null);
    }

    public async Task<IReadOnlyList<Silence>> QuerySilencesAsync(DateTimeOffset now, bool includeExpired, CancellationToken cancellationToken = default)
    {
        // The server decides what has expired by its own clock; the CLI's `now` only matters for a store file.
        var path = "api/silences" + new QueryString().Add(ApiQueryParameters.Silences.IncludeExpired, includeExpired ? "true" : null);
        var page = await GetAsync(path, ApiJson.TypeInfo<ApiPage<ApiSilence>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(s => s.ToModel())];
    }

    public async Task<Silence?> ExpireSilenceAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/silences/" + id.ToString(CultureInfo.InvariantCulture) + "/expire", UriKind.Relative));
        var silence = await SendAsync(request, ApiJson.TypeInfo<ApiSilence>(), detail => new CliUsageException($"{Location}: {detail}"), cancellationToken).ConfigureAwait(false);
        return silence?.ToModel();
    }

    private static QueryString HistoryParameters(AlertHistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new QueryString()
            .Add(ApiQueryParameters.AlertHistory.Alert, query.AlertId)
            .Add(ApiQueryParameters.AlertHistory.Rule, query.RuleName);
        foreach (var matcher in query.Matchers)
        {
            parameters.Add(ApiQueryParameters.AlertHistory.Match, matcher.ToString());
        }

        return parameters
            .Add(ApiQueryParameters.AlertHistory.Since, query.Since)
            .Add(ApiQueryParameters.AlertHistory.Until, query.Until)
            .Add(ApiQueryParameters.AlertHistory.Limit, query.Limit);
    }
}
