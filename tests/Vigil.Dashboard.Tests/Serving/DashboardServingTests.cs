using System.Net;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Serving;

public sealed class DashboardServingTests
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/assets/app.js", "text/javascript")]
    [InlineData("/assets/views/traces.js", "text/javascript")]
    [InlineData("/assets/style.css", "text/css")]
    public async Task Dashboard_Files_HaveTheirContentTypeAStrictPolicyAndRevalidation(string path, string mediaType)
    {
        await using var server = await DashboardServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.Tag);
        using var revalidated = await server.Client.SendAsync(again).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Theory]
    [InlineData("/assets/nope.js")]
    [InlineData("/assets/index.html")]
    [InlineData("/assets/../Vigil.Server.dll")]
    [InlineData("/assets/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/nope")]
    public async Task Dashboard_UnknownOrHtmlAssetPaths_Get404ProblemDocuments(string path)
    {
        await using var server = await DashboardServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Dashboard_EveryModuleThePageImports_IsServed()
    {
        await using var server = await DashboardServer.StartAsync();
        var pending = new Queue<string>(["/assets/app.js"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Follows every static import from the entry point: a module missing from the embedded files fails here.
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync().DefaultTimeout();
            foreach (System.Text.RegularExpressions.Match import in System.Text.RegularExpressions.Regex.Matches(text, @"from '(\.{1,2}/[^']+)'"))
            {
                pending.Enqueue(new Uri(new Uri(server.BaseAddress, path), import.Groups[1].Value).AbsolutePath);
            }
        }

        Assert.Contains("/assets/views/logs.js", seen);
        Assert.Contains("/assets/dom.js", seen);
        Assert.True(seen.Count >= 10, string.Join(", ", seen));
    }
}
