using System.Globalization;
using System.Net.Http.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary>Error groups and health over <c>/api/errors</c>, <c>/api/health</c> and <c>/api/health/history</c> (docs/api.md).</summary>
internal sealed partial class HttpTelemetryStore
{
    public async Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "api/errors" + new QueryString()
            .Add(ApiQueryParameters.Errors.Service, query.ServiceName)
            .Add(ApiQueryParameters.Errors.Since, query.From)
            .Add(ApiQueryParameters.Errors.Until, query.To)
            .Add(ApiQueryParameters.Errors.Status, query.Status?.ToApi())
            .Add(ApiQueryParameters.Errors.Severity, query.MinimumSeverity?.ToApi())
            .Add(ApiQueryParameters.Errors.Limit, query.Limit);
        var page = await GetAsync(path, ApiJson.TypeInfo<ApiPage<ApiErrorGroup>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(g => g.ToModel())];
    }

    public async Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default)
    {
        var path = "api/errors/" + id.ToString(CultureInfo.InvariantCulture) + new QueryString()
            .Add(ApiQueryParameters.ErrorDetail.Hours, hours)
            .Add(ApiQueryParameters.ErrorDetail.Events, latestEvents);
        var detail = await GetAsync(path, ApiJson.TypeInfo<ApiErrorGroupDetail>(), cancellationToken).ConfigureAwait(false);
        return detail?.ToModel();
    }

    public async Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/errors/" + id.ToString(CultureInfo.InvariantCulture) + "/status", UriKind.Relative))
        {
            Content = JsonContent.Create(change.ToApi(), ApiJson.TypeInfo<ApiErrorStatusChange>()),
        };

        // The server's refusal of the change is the contract's ArgumentException, with the server's words.
        var group = await SendAsync(request, ApiJson.TypeInfo<ApiErrorGroup>(), detail => new ChangeRefusedException(detail), cancellationToken).ConfigureAwait(false);
        return group?.ToModel();
    }

    public async Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "api/health" + new QueryString()
            .Add(ApiQueryParameters.Health.Service, query.ServiceName)
            .Add(ApiQueryParameters.Health.Kind, query.Kind?.ToApi())
            .Add(ApiQueryParameters.Health.StaleAfter, MeaningfulStaleAfter(query.StaleAfter));
        var overview = await GetAsync(path, ApiJson.TypeInfo<ApiHealthOverview>(), cancellationToken).ConfigureAwait(false);
        return overview is null ? [] : [.. overview.Items.Select(s => s.ToModel())];
    }

    public async Task<IReadOnlyList<HealthHistory>> QueryHealthHistoryAsync(HealthHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "api/health/history" + new QueryString()
            .Add(ApiQueryParameters.HealthHistory.Service, query.ServiceName)
            .Add(ApiQueryParameters.HealthHistory.Kind, query.Kind?.ToApi())
            .Add(ApiQueryParameters.HealthHistory.Name, query.Name)
            .Add(ApiQueryParameters.HealthHistory.Since, query.From)
            .Add(ApiQueryParameters.HealthHistory.Until, query.To)
            .Add(ApiQueryParameters.HealthHistory.Limit, query.PerCheck);
        var page = await GetAsync(path, ApiJson.TypeInfo<ApiPage<ApiHealthHistory>>(), cancellationToken).ConfigureAwait(false);
        return page is null ? [] : [.. page.Items.Select(h => h.ToModel())];
    }

    // A state silent for longer than ForgetAfter is not shown at all, so any longer limit means the same as that one;
    // sending it as it is could exceed the longest duration the API reads, and the server would refuse what a file accepts.
    private static TimeSpan? MeaningfulStaleAfter(TimeSpan? staleAfter) =>
        staleAfter > HealthStaleness.ForgetAfter ? HealthStaleness.ForgetAfter : staleAfter;
}
