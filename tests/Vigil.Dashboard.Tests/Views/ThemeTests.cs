using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Views;

[Collection(BrowserTests.Name)]
public sealed class ThemeTests(BrowserFixture browser)
{
    private const string LightBackground = "rgb(255, 255, 255)";
    private const string DarkBackground = "rgb(13, 17, 23)";

    [Fact]
    public async Task ThemeControl_SwitchesTheColoursAndIsKeptAcrossAReload()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.GotoAsync(server.Url("/?view=overview"));
        var theme = page.Page.Locator("#theme");

        Assert.Equal("system", await theme.InputValueAsync());
        Assert.Equal("system", await DataThemeAsync(page));
        Assert.Equal(LightBackground, await BackgroundAsync(page));

        await theme.SelectOptionAsync("dark");
        Assert.Equal("dark", await DataThemeAsync(page));
        Assert.Equal(DarkBackground, await BackgroundAsync(page));

        await page.Page.ReloadAsync();
        await page.ReadyAsync();
        Assert.Equal("dark", await theme.InputValueAsync());
        Assert.Equal("dark", await DataThemeAsync(page));
        Assert.Equal(DarkBackground, await BackgroundAsync(page));
        Assert.Equal("dark", await page.Page.EvaluateAsync<string>("() => localStorage.getItem('vigil.dashboard.theme')"));

        // "System" follows the system again, whichever it is.
        await theme.SelectOptionAsync("system");
        Assert.Equal(LightBackground, await BackgroundAsync(page));
        await page.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        Assert.Equal(DarkBackground, await BackgroundAsync(page));
        await theme.SelectOptionAsync("light");
        Assert.Equal(LightBackground, await BackgroundAsync(page));

        // The control is reachable from the keyboard: it is a labelled select in the header.
        Assert.Equal("Theme", (await page.Page.Locator("label.theme").InnerTextAsync()).Split('\n')[0].Trim());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task LoginPage_OfAKeyProtectedServer_DrawsInTheStoredTheme()
    {
        await using var server = await DashboardServer.StartAsync(apiKey: "s3cret-key");
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.Page.GotoAsync(server.Url("/")).DefaultTimeout();
        await page.Page.Locator("#key").WaitForAsync();
        Assert.Equal("system", await WaitForThemeAsync(page));
        Assert.Equal(LightBackground, await BackgroundAsync(page));

        // The choice made on the dashboard, as the theme select stores it, holds on the login page too.
        await page.Page.EvaluateAsync("() => localStorage.setItem('vigil.dashboard.theme', 'dark')");
        await page.Page.ReloadAsync().DefaultTimeout();
        Assert.Equal("dark", await WaitForThemeAsync(page));
        Assert.Equal(DarkBackground, await BackgroundAsync(page));
        Assert.Empty(page.Errors);
    }

    /// <summary>data-theme once the login page's module has run (it is deferred, so it runs after the page is parsed).</summary>
    private static async Task<string> WaitForThemeAsync(DashboardPage page)
    {
        await page.Page.WaitForFunctionAsync("() => document.documentElement.dataset.theme !== undefined").DefaultTimeout();
        return await DataThemeAsync(page);
    }

    private static Task<string> DataThemeAsync(DashboardPage page) => page.Page.EvaluateAsync<string>("() => document.documentElement.dataset.theme");

    private static Task<string> BackgroundAsync(DashboardPage page) => page.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
