using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Vigil.Api.Contracts;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Api.Alerts;

/// <summary>
/// The alert and silence endpoints on the real <c>vigil serve</c> application over a real SQLite store: what the
/// engine saved is what the API answers, and the triage writes land in the store.
/// </summary>
public sealed class AlertsApiTests : IAsyncLifetime
{
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private TestServer _server = null!;
    private HttpClient _client = null!;
    private long _firing;
    private long _pending;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _client = _server.CreateQueryClient();
        var saved = await _server.Store.SaveAlertsAsync(
        [
            AlertsApi.Instance("HighErrors", AlertState.Firing, _now.AddMinutes(-5), ("service", "shop")),
            AlertsApi.Instance("HighErrors", AlertState.Pending, _now.AddMinutes(-1), ("service", "cart")),
            AlertsApi.Instance("Unhealthy", AlertState.Resolved, _now.AddMinutes(-9), ("check", "db")),
        ]);
        (_firing, _pending) = (saved[0].Id, saved[1].Id);
        await _server.Store.RecordNotificationAsync(new NotificationAttempt
        {
            Channel = "ops", GroupKey = "g", AlertIds = [_firing], Kind = NotificationKind.Firing, At = _now.AddMinutes(-4), Outcome = NotificationOutcome.Delivered,
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetAlerts_Default_FiringAndPendingAsTheStoreHasThem()
    {
        // Act
        using var response = await _client.GetAsync(new Uri("/api/alerts", UriKind.Relative)).DefaultTimeout();
        var page = await AlertsApi.ReadAsync(response, ApiJson.TypeInfo<ApiPage<ApiAlert>>());

        // Assert: the second source is the store's own answer.
        var stored = await _server.Store.QueryAlertsAsync(new AlertQuery());
        Assert.Equal(ApiVersion.Current, Assert.Single(response.Headers.GetValues(ApiVersion.HeaderName)));
        Assert.Equal(stored.Select(a => a.Id), page.Items.Select(a => a.Id));
        Assert.Equal([ApiAlertState.Firing, ApiAlertState.Pending], page.Items.Select(a => a.State));
        Assert.Equal("shop", page.Items[0].Labels["service"]);
        Assert.Equal(42.5, page.Items[0].Value);
    }

    [Fact]
    public async Task GetAlerts_StatesRuleMatchAndLimit_Filter()
    {
        // Act
        var resolved = await GetPageAsync<ApiAlert>("/api/alerts?state=resolved");
        var both = await GetPageAsync<ApiAlert>("/api/alerts?state=firing&state=resolved&limit=1");
        var matched = await GetPageAsync<ApiAlert>("/api/alerts?match=" + Uri.EscapeDataString("service=~\"ca.*\"") + "&rule=HighErrors");

        // Assert
        Assert.Equal(["Unhealthy"], resolved.Items.Select(a => a.RuleName));
        Assert.Equal([_firing], both.Items.Select(a => a.Id));
        Assert.Equal([_pending], matched.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task GetAlert_KnownAndUnknownId_AlertOr404()
    {
        // Act
        var alert = await AlertsApi.ReadAsync(await _client.GetAsync(new Uri($"/api/alerts/{_firing}", UriKind.Relative)).DefaultTimeout(), ApiJson.TypeInfo<ApiAlert>());
        using var missing = await _client.GetAsync(new Uri("/api/alerts/987654", UriKind.Relative)).DefaultTimeout();

        // Assert
        Assert.Equal((_firing, "HighErrors"), (alert.Id, alert.RuleName));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("no alert 987654 in the store", await AlertsApi.DetailAsync(missing));
    }

    [Fact]
    public async Task GetHistoryAndNotifications_ForTheFiringAlert_AsTheStoreHasThem()
    {
        // Act
        var history = await GetPageAsync<ApiAlertTransition>($"/api/alerts/history?alert={_firing}");
        var notifications = await GetPageAsync<ApiNotificationAttempt>($"/api/alerts/notifications?rule=HighErrors&since=10m");
        var none = await GetPageAsync<ApiNotificationAttempt>("/api/alerts/notifications?match=service%3Dcart");

        // Assert
        var transition = Assert.Single(history.Items);
        Assert.Equal((ApiAlertState.Inactive, ApiAlertState.Firing, _firing), (transition.From, transition.To, transition.AlertId));
        var attempt = Assert.Single(notifications.Items);
        Assert.Equal(("ops", ApiNotificationOutcome.Delivered, _firing), (attempt.Channel, attempt.Outcome, Assert.Single(attempt.AlertIds)));
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task PostAck_Firing_StoredAndReturned()
    {
        // Act
        using var response = await AlertsApi.PostAsync(_client, $"/api/alerts/{_firing}/ack", "{\"by\":\"ana\",\"comment\":\"on it\"}");
        var alert = await AlertsApi.ReadAsync(response, ApiJson.TypeInfo<ApiAlert>());

        // Assert
        Assert.Equal(("ana", "on it"), (alert.Acknowledgement!.By, alert.Acknowledgement.Comment));
        var stored = await _server.Store.GetAlertAsync(_firing);
        Assert.Equal(("ana", "on it"), (stored!.Acknowledgement!.By, stored.Acknowledgement.Comment));
        Assert.InRange(stored.Acknowledgement.At, _now.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task PostAck_PendingOrUnknown_409Or404AndNothingStored()
    {
        // Act
        using var pending = await AlertsApi.PostAsync(_client, $"/api/alerts/{_pending}/ack", "{\"by\":\"ana\"}");
        using var unknown = await AlertsApi.PostAsync(_client, "/api/alerts/987654/ack", "{\"by\":\"ana\"}");

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal($"Alert {_pending} is pending, not firing: only a firing alert can be acknowledged.", await AlertsApi.DetailAsync(pending));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null((await _server.Store.GetAlertAsync(_pending))!.Acknowledgement);
    }

    [Fact]
    public async Task PostSilence_DurationThenList_ActiveThenExpiredByExpire()
    {
        // Act
        using var created = await AlertsApi.PostAsync(_client, "/api/silences", "{\"matchers\":[\"service=shop\",\"env=~\\\"prod|stage\\\"\"],\"duration\":\"2h\",\"createdBy\":\"ana\",\"comment\":\"deploy\"}");
        var silence = await AlertsApi.ReadAsync(created, ApiJson.TypeInfo<ApiSilence>(), HttpStatusCode.Created);
        var listed = await GetPageAsync<ApiSilence>("/api/silences");
        using var expire = await AlertsApi.PostAsync(_client, $"/api/silences/{silence.Id}/expire", null);
        var expired = await AlertsApi.ReadAsync(expire, ApiJson.TypeInfo<ApiSilence>());
        var afterwards = await GetPageAsync<ApiSilence>("/api/silences");
        var all = await GetPageAsync<ApiSilence>("/api/silences?includeExpired=true");

        // Assert
        Assert.Equal(ApiSilenceState.Active, silence.State);
        Assert.Equal(["service=\"shop\"", "env=~\"prod|stage\""], silence.Matchers);
        Assert.Equal(TimeSpan.FromHours(2), silence.EndsAt - silence.StartsAt);
        Assert.Equal([silence.Id], listed.Items.Select(s => s.Id));
        Assert.Equal(ApiSilenceState.Expired, expired.State);
        Assert.Empty(afterwards.Items);
        Assert.Equal([silence.Id], all.Items.Select(s => s.Id));
        var stored = Assert.Single(await _server.Store.QuerySilencesAsync(DateTimeOffset.UtcNow, includeExpired: true));
        Assert.Equal(expired.EndsAt, stored.EndsAt);
    }

    [Fact]
    public async Task PostSilence_StartsAtAndEndsAt_Pending()
    {
        // Arrange
        var start = _now.AddHours(1).ToString("O", CultureInfo.InvariantCulture);
        var end = _now.AddHours(3).ToString("O", CultureInfo.InvariantCulture);

        // Act
        using var created = await AlertsApi.PostAsync(_client, "/api/silences", $"{{\"matchers\":[\"a=b\"],\"startsAt\":\"{start}\",\"endsAt\":\"{end}\",\"createdBy\":\"ana\",\"comment\":\"later\"}}");
        var silence = await AlertsApi.ReadAsync(created, ApiJson.TypeInfo<ApiSilence>(), HttpStatusCode.Created);

        // Assert
        Assert.Equal(ApiSilenceState.Pending, silence.State);
        Assert.Equal(_now.AddHours(1), silence.StartsAt);
    }

    [Fact]
    public async Task Endpoints_ApiKeyRequired_401WithoutIt()
    {
        // Arrange
        await using var server = await TestServer.StartAsync(options => options.ApiKey = "s3cret");
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };

        // Act
        using var list = await client.GetAsync(new Uri("/api/alerts", UriKind.Relative)).DefaultTimeout();
        using var silence = await AlertsApi.PostAsync(client, "/api/silences", "{\"matchers\":[\"a=b\"],\"duration\":\"1h\",\"createdBy\":\"x\",\"comment\":\"y\"}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var allowed = await client.GetAsync(new Uri("/api/silences", UriKind.Relative)).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, silence.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(ApiVersion.Current, Assert.Single(allowed.Headers.GetValues(ApiVersion.HeaderName)));
        Assert.Empty(await server.Store.QuerySilencesAsync(DateTimeOffset.UtcNow, includeExpired: true));
    }

    private async Task<ApiPage<T>> GetPageAsync<T>(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();
        return await AlertsApi.ReadAsync(response, ApiJson.TypeInfo<ApiPage<T>>());
    }
}
