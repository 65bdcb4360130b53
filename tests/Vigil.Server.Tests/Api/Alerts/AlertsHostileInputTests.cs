using System.Net;
using System.Text;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Api.Alerts;

/// <summary>
/// Requests the alert and silence endpoints must refuse before touching the store, each with a problem document that
/// names the parameter or field (and, for a matcher, the grammar); the server keeps serving after every one.
/// </summary>
public sealed class AlertsHostileInputTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _client = _server.CreateQueryClient();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
    }

    public static TheoryData<string, string> BadQueries { get; } = new()
    {
        { "/api/alerts?match=service", "match: 'service' is not a label matcher" },
        { "/api/alerts?match=9x%3D1", "match: '9x=1' is not a label matcher" },
        { "/api/alerts?match=a%3D~%22(b%22", "match: 'a=~\"(b\"' is not a label matcher" },
        { "/api/alerts?match=a%3D~(x)%5C1", "match: 'a=~(x)\\1' is not a label matcher: '(x)\\1' " },
        { "/api/alerts?match=a%3D" + new string('x', 2000), "match: 2002 characters is too long (at most 1024)" },
        { "/api/alerts?state=burning", "state: 'burning' is not an alert state (inactive, pending, firing, resolved)" },
        { "/api/alerts?state=2", "state: '2' is not an alert state" },
        { "/api/alerts?limit=0", "limit: '0' is not a whole number from 1 to 10000" },
        { "/api/alerts?limit=ten", "limit: 'ten' is not a whole number" },
        { "/api/alerts?rule=a&rule=b", "rule: given 2 times; give it once" },
        { "/api/alerts?rule=%07", "rule: control characters are not allowed" },
        { "/api/alerts?labels=x", "labels: not a parameter here (use: state, rule, match, limit)" },
        { "/api/alerts/history?alert=abc", "alert: 'abc' is not an alert id (a whole number of 1 or more)" },
        { "/api/alerts/history?alert=0", "alert: '0' is not an alert id" },
        { "/api/alerts/history?since=yesterday", "since: 'yesterday' is neither an RFC 3339 time" },
        { "/api/alerts/notifications?until=2026-13-01T00:00:00Z", "until: '2026-13-01T00:00:00Z' is neither" },
        { "/api/alerts/notifications?match=%3Dx", "match: '=x' is not a label matcher" },
        { "/api/alerts/1?x=1", "x: not a parameter here (this endpoint takes none)" },
        { "/api/alerts/abc", "id: 'abc' is not an alert id (a whole number of 1 or more)" },
        { "/api/alerts/-1", "id: '-1' is not an alert id" },
        { "/api/alerts/99999999999999999999", "id: '99999999999999999999' is not an alert id" },
        { "/api/silences?includeExpired=maybe", "includeExpired: 'maybe' is not true or false" },
    };

    public static TheoryData<string, string, string> BadBodies { get; } = new()
    {
        { "/api/alerts/1/ack", "", "body: not valid JSON" },
        { "/api/alerts/1/ack", "[]", "body: must be a JSON object" },
        { "/api/alerts/1/ack", "{}", "by: required" },
        { "/api/alerts/1/ack", "{\"by\":\"  \"}", "by: required" },
        { "/api/alerts/1/ack", "{\"by\":7}", "by: must be a string" },
        { "/api/alerts/1/ack", "{\"by\":\"ana\",\"by\":\"bo\"}", "by: given twice" },
        { "/api/alerts/1/ack", "{\"by\":\"ana\",\"at\":\"now\"}", "at: not a field here (use: by, comment)" },
        { "/api/alerts/1/ack", "{\"by\":\"" + new string('a', 2000) + "\"}", "by: 2000 characters is too long (at most 1024)" },
        { "/api/alerts/1/ack", "{\"by\":\"a\\u001b[31m\"}", "by: control characters are not allowed" },
        { "/api/alerts/1/ack", "{\"by\":\"\\ud800\"}", "body: holds a lone UTF-16 surrogate" },
        { "/api/silences", "{}", "matchers: required" },
        { "/api/silences", "{\"matchers\":\"a=b\",\"duration\":\"1h\",\"createdBy\":\"x\",\"comment\":\"y\"}", "matchers: must be an array of strings" },
        { "/api/silences", "{\"matchers\":[],\"duration\":\"1h\",\"createdBy\":\"x\",\"comment\":\"y\"}", "matchers: give 1 to 32 label matchers; it has 0" },
        { "/api/silences", "{\"matchers\":[1],\"duration\":\"1h\",\"createdBy\":\"x\",\"comment\":\"y\"}", "matchers[0]: must be a string" },
        { "/api/silences", "{\"matchers\":[\"a=b\",\"oops\"],\"duration\":\"1h\",\"createdBy\":\"x\",\"comment\":\"y\"}", "matchers[1]: 'oops' is not a label matcher" },
        { "/api/silences", "{\"matchers\":[\"a=" + new string('x', 1100) + "\"],\"duration\":\"1h\",\"createdBy\":\"x\",\"comment\":\"y\"}", "matchers[0]: 1102 characters is too long (at most 1024)" },
        { "/api/silences", "{\"matchers\":[" + string.Join(",", Enumerable.Repeat("\"a=b\"", 33)) + "],\"duration\":\"1h\",\"createdBy\":\"x\",\"comment\":\"y\"}", "matchers: give 1 to 32 label matchers; it has 33" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"createdBy\":\"x\",\"comment\":\"y\"}", "endsAt: required, or give duration instead" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"duration\":\"1h\",\"endsAt\":\"2099-01-01T00:00:00Z\",\"createdBy\":\"x\",\"comment\":\"y\"}", "duration: give endsAt or duration, not both" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"duration\":\"soon\",\"createdBy\":\"x\",\"comment\":\"y\"}", "duration: must be a positive duration" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"duration\":\"0s\",\"createdBy\":\"x\",\"comment\":\"y\"}", "duration: must be a positive duration" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"duration\":7200,\"createdBy\":\"x\",\"comment\":\"y\"}", "duration: must be a positive duration" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"duration\":\"999999w\",\"createdBy\":\"x\",\"comment\":\"y\"}", "duration: must be a positive duration" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"endsAt\":\"2020-01-01T00:00:00Z\",\"createdBy\":\"x\",\"comment\":\"y\"}", "endsAt: the silence must end after it starts" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"startsAt\":\"2020-01-01T00:00:00Z\",\"endsAt\":\"2020-01-02T00:00:00Z\",\"createdBy\":\"x\",\"comment\":\"y\"}", "endsAt: the silence would end at" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"startsAt\":\"tomorrow\",\"duration\":\"1h\",\"createdBy\":\"x\",\"comment\":\"y\"}", "startsAt: must be an RFC 3339 time" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"endsAt\":1767225600,\"createdBy\":\"x\",\"comment\":\"y\"}", "endsAt: must be an RFC 3339 time" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"duration\":\"1h\",\"comment\":\"y\"}", "createdBy: required" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"duration\":\"1h\",\"createdBy\":\"x\"}", "comment: required" },
        { "/api/silences", "{\"matchers\":[\"a=b\"],\"duration\":\"1h\",\"createdBy\":\"x\",\"comment\":\"y\",\"id\":5}", "id: not a field here" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Get_BadParameter_400NamingIt(string path, string detail)
    {
        // Act
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(detail, await AlertsApi.DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BadMatcher_DetailNamesTheGrammar()
    {
        // Act
        using var response = await _client.GetAsync(new Uri("/api/alerts?match=service", UriKind.Relative)).DefaultTimeout();

        // Assert
        Assert.Contains("(write name=value, name!=value, name=~regex or name!~regex", await AlertsApi.DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadBody_400NamingTheFieldAndNothingStored(string path, string body, string detail)
    {
        // Act
        using var response = await AlertsApi.PostAsync(_client, path, body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(detail, await AlertsApi.DetailAsync(response), StringComparison.Ordinal);
        Assert.Empty(await _server.Store.QuerySilencesAsync(DateTimeOffset.UtcNow, includeExpired: true));
    }

    [Theory]
    [InlineData("/api/alerts/1/ack")]
    [InlineData("/api/silences")]
    public async Task Post_NotJson_415(string path)
    {
        // Act
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), new StringContent("by=ana", Encoding.UTF8, "application/x-www-form-urlencoded")).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/alerts/1/ack", 5000)]
    [InlineData("/api/silences", 70_000)]
    public async Task Post_HugeBody_413(string path, int size)
    {
        // Act
        using var response = await AlertsApi.PostAsync(_client, path, "{\"comment\":\"" + new string('x', size) + "\"}");
        using var live = await _client.GetAsync(new Uri("/api/silences", UriKind.Relative)).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("/api/alerts/abc/ack", "id: 'abc' is not an alert id")]
    [InlineData("/api/silences/abc/expire", "id: 'abc' is not a silence id")]
    [InlineData("/api/silences/0/expire", "id: '0' is not a silence id")]
    public async Task Post_BadId_400(string path, string detail)
    {
        // Act
        using var response = await AlertsApi.PostAsync(_client, path, "{\"by\":\"ana\"}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(detail, await AlertsApi.DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostExpire_UnknownSilence_404()
    {
        // Act
        using var response = await AlertsApi.PostAsync(_client, "/api/silences/987654/expire", null);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no silence 987654 in the store", await AlertsApi.DetailAsync(response));
    }
}
