using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Server.Tests.Api.Alerts;

/// <summary>What the alert API tests share: instances to save, JSON posts, and reading answers and problems.</summary>
internal static class AlertsApi
{
    public static AlertInstance Instance(string rule, AlertState state, DateTimeOffset at, params (string Name, string Value)[] labels) => new()
    {
        RuleName = rule,
        Labels = AlertLabels.From([new(AlertLabels.AlertName, rule), .. labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value))]),
        State = state,
        ActiveSince = at,
        FiredAt = state is AlertState.Firing or AlertState.Resolved ? at : null,
        ResolvedAt = state == AlertState.Resolved ? at : null,
        LastEvaluated = at,
        Value = 42.5,
        Threshold = 10,
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json")).DefaultTimeout();

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize(body, type)!;
    }

    public static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), ApiJson.TypeInfo<ApiProblem>())!.Detail!;
    }
}
