using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Alerting.Notifications;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Alerting;

/// <summary>The signed acknowledgement links on a real server: a valid one acknowledges (By "link"), others are refused plainly.</summary>
public sealed class AlertAcknowledgementLinkTests
{
    private static AlertInstance Firing(string rule) => new()
    {
        RuleName = rule,
        Labels = AlertLabels.From([new(AlertLabels.AlertName, rule), new("service", "shop")]),
        State = AlertState.Firing,
        ActiveSince = DateTimeOffset.UtcNow,
        FiredAt = DateTimeOffset.UtcNow,
        LastEvaluated = DateTimeOffset.UtcNow,
    };

    private static async Task<(TestServer Server, HttpClient Client, AlertInstance Alert, AcknowledgementLinks Links)> StartAsync(string? apiKey = null)
    {
        var server = await TestServer.StartAsync(options => options.ApiKey = apiKey);
        var alert = (await server.Store.SaveAlertsAsync([Firing("HighErrors")]))[0];
        var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        return (server, client, alert, server.App.Services.GetRequiredService<AcknowledgementLinks>());
    }

    [Fact]
    public async Task Link_ShownThenPosted_AcknowledgesByLink()
    {
        var (server, client, alert, links) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        var link = links.Create(server.QueryEndpoint, alert.Id, DateTimeOffset.UtcNow);

        // Following the link only shows the page: link scanners must not acknowledge.
        var page = await client.GetStringAsync(link).DefaultTimeout();
        Assert.Contains("<form method=\"post\"", page, StringComparison.Ordinal);
        Assert.Null((await server.Store.GetAlertAsync(alert.Id))!.Acknowledgement);

        using var posted = await client.PostAsync(link, null).DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var stored = await server.Store.GetAlertAsync(alert.Id);
        Assert.Equal("link", stored!.Acknowledgement?.By);
    }

    [Fact]
    public async Task Link_WithApiKeyConfigured_NeedsNoKeyButStillItsSignature()
    {
        var (server, client, alert, links) = await StartAsync(apiKey: "s3cret");
        await using var _ = server;
        using var __ = client;
        var link = links.Create(server.QueryEndpoint, alert.Id, DateTimeOffset.UtcNow);

        using var posted = await client.PostAsync(link, null).DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using var forged = await client.PostAsync(new Uri(server.QueryEndpoint, $"/api/alerts/{alert.Id}/ack-link?expires=99999999999&signature=forged"), null).DefaultTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        // Other alert endpoints still want the key.
        using var other = await client.GetAsync(new Uri(server.QueryEndpoint, "/api/errors")).DefaultTimeout();
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Theory]
    [InlineData("tampered", HttpStatusCode.Forbidden, "signature does not match")]
    [InlineData("expired", HttpStatusCode.Gone, "has expired")]
    [InlineData("malformed", HttpStatusCode.Forbidden, "carries 'expires'")]
    [InlineData("other-alert", HttpStatusCode.Forbidden, "signature does not match")]
    [InlineData("bad-id", HttpStatusCode.BadRequest, "is not an alert id")]
    [InlineData("unknown", HttpStatusCode.NotFound, "no alert")]
    public async Task Link_NotValid_IsRefusedAndAcknowledgesNothing(string how, HttpStatusCode status, string detail)
    {
        var (server, client, alert, links) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        var now = DateTimeOffset.UtcNow;
        var good = links.Create(server.QueryEndpoint, alert.Id, now).PathAndQuery;
        var target = how switch
        {
            "tampered" => good[..^2] + (good[^2] == 'A' ? "BB" : "AA"),
            "expired" => links.Create(server.QueryEndpoint, alert.Id, now - links.Validity - TimeSpan.FromMinutes(1)).PathAndQuery,
            "malformed" => $"/api/alerts/{alert.Id}/ack-link?signature=x",
            "other-alert" => good.Replace($"/alerts/{alert.Id}/", $"/alerts/{alert.Id + 1}/", StringComparison.Ordinal),
            "bad-id" => good.Replace($"/alerts/{alert.Id}/", "/alerts/12abc/", StringComparison.Ordinal),
            _ => links.Create(server.QueryEndpoint, alert.Id + 1000, now).PathAndQuery,
        };

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, target)).DefaultTimeout();
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null((await server.Store.GetAlertAsync(alert.Id))!.Acknowledgement);
    }

    [Fact]
    public async Task Link_AlertNoLongerFiring_IsAConflict()
    {
        var (server, client, alert, links) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        await server.Store.SaveAlertsAsync([alert with { State = AlertState.Resolved, ResolvedAt = DateTimeOffset.UtcNow }]);

        using var posted = await client.PostAsync(links.Create(server.QueryEndpoint, alert.Id, DateTimeOffset.UtcNow), null).DefaultTimeout();

        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);

        // The page a person lands on says why in the store's words, with no .NET parameter name.
        var body = await posted.Content.ReadAsStringAsync();
        Assert.Contains($"Alert {alert.Id} is resolved, not firing", body, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", body, StringComparison.Ordinal);
    }
}
