using System.Net;
using System.Text.Json;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>The query API's refusals, checked one way: 400, a problem document whose detail starts with the parameter's name.</summary>
internal static class Problems
{
    public static async Task AssertBadParameterAsync(DashboardServer server, string path, string parameter)
    {
        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(parameter, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("v1", string.Join(",", response.Headers.GetValues("Vigil-Api-Version")));
    }
}
