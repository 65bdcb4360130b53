using System.Net;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Serving;

[Collection(BrowserTests.Name)]
public sealed class ApiKeyLoginTests(BrowserFixture browser)
{
    private const string Key = "s3cret-key";

    [Theory]
    [InlineData("/assets/app.js")]
    [InlineData("/assets/views/logs.js")]
    [InlineData("/assets/api.js")]
    [InlineData("/api/logs")]
    [InlineData("/api/logs/tail")]
    public async Task KeyProtectedServer_WithoutTheKey_RefusesEverythingButTheLoginPage(string path)
    {
        await using var server = await DashboardServer.StartAsync(apiKey: Key);

        using var page = await server.Client.GetAsync(new Uri("/?view=logs", UriKind.Relative)).DefaultTimeout();
        using var refused = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();
        using var forged = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", "vigil_session=" + Key } } };
        using var forgedAnswer = await server.Client.SendAsync(forged).DefaultTimeout();

        var html = await page.Content.ReadAsStringAsync().DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"key\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("app.js", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // The raw key as the cookie is not the session: the cookie holds an HMAC of the key, not the key.
        Assert.Equal(HttpStatusCode.Unauthorized, forgedAnswer.StatusCode);
    }

    [Fact]
    public async Task KeyProtectedServer_LoginWithTheKey_SetsAnHttpOnlyStrictCookieAndShowsTheData()
    {
        await using var server = await DashboardServer.StartAsync(apiKey: Key);
        await server.WriteAsync(new TelemetryBatch { Logs = [Some.Log("visible after login", DateTimeOffset.UtcNow.AddSeconds(-5))] });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.Page.GotoAsync(server.Url("/?view=logs&grep=visible")).DefaultTimeout();

        await page.Page.Locator("#key").FillAsync("wrong");
        await page.Page.Locator("button[type='submit']").ClickAsync();
        var error = await page.Page.Locator("p.error").TextContentAsync();
        await page.Page.Locator("#key").FillAsync(Key);
        await page.Page.Locator("button[type='submit']").ClickAsync();
        await page.ReadyAsync();

        var cookie = Assert.Single(await page.Page.Context.CookiesAsync());
        Assert.Contains("not this server's API key", error, StringComparison.Ordinal);
        Assert.Equal("vigil_session", cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Playwright.SameSiteAttribute.Strict, cookie.SameSite);
        Assert.NotEqual(Key, cookie.Value);
        Assert.EndsWith("/?view=logs&grep=visible", page.Page.Url, StringComparison.Ordinal);
        Assert.Equal("visible after login", await page.Page.Locator(".log-list .body").First.TextContentAsync());
        Assert.Equal("undefined", await page.Page.EvaluateAsync<string>("typeof document.cookie === 'string' && document.cookie.includes('vigil_session') ? 'readable' : 'undefined'"));
    }

    [Theory]
    [InlineData("application/json", "{\"key\":\"s3cret-key\"}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", "key=", HttpStatusCode.Unauthorized)]
    [InlineData("application/x-www-form-urlencoded", "nokey=1", HttpStatusCode.Unauthorized)]
    [InlineData("application/x-www-form-urlencoded", "key=%ZZ%00<script>", HttpStatusCode.BadRequest)]
    [InlineData("multipart/form-data", "garbage", HttpStatusCode.BadRequest)]
    public async Task Login_MalformedForms_AreRefusedWithTheLoginPageAndNoCookie(string contentType, string body, HttpStatusCode expected)
    {
        await using var server = await DashboardServer.StartAsync(apiKey: Key);
        using var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await server.Client.PostAsync(new Uri("/login", UriKind.Relative), content).DefaultTimeout();
        var html = await response.Content.ReadAsStringAsync().DefaultTimeout();

        Assert.Equal(expected, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("name=\"key\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_OversizedForm_Gets413AndNoCookie()
    {
        await using var server = await DashboardServer.StartAsync(apiKey: Key);
        using var content = new FormUrlEncodedContent([new("key", new string('k', 100_000))]);

        using var response = await server.Client.PostAsync(new Uri("/login", UriKind.Relative), content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Login_HostileQueryString_IsEscapedInTheFormAndRedirectsOnlyToThisServersPage()
    {
        await using var server = await DashboardServer.StartAsync(apiKey: Key);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress, Timeout = TaskTimeouts.Default };
        const string Hostile = "/?view=%22%3E%3Cscript%3Ealert(1)%3C/script%3E";

        using var page = await noRedirects.GetAsync(new Uri(Hostile, UriKind.Relative)).DefaultTimeout();
        var html = await page.Content.ReadAsStringAsync().DefaultTimeout();
        using var login = await noRedirects.PostAsync(new Uri("/login?x=//evil.example", UriKind.Relative), new FormUrlEncodedContent([new("key", Key)])).DefaultTimeout();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/?x=//evil.example", login.Headers.Location?.OriginalString);
    }
}
