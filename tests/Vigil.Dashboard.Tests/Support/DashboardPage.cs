using Microsoft.Playwright;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>A browser page on the dashboard that records every console error and uncaught exception.</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page: {error}");
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public static async Task<DashboardPage> OpenAsync(BrowserFixture browser, int width = 1280, int height = 720)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } }).DefaultTimeout();
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync().DefaultTimeout();
        return new DashboardPage(context, page);
    }

    /// <summary>Opens a dashboard address and waits until its view has rendered.</summary>
    public async Task GotoAsync(string url)
    {
        await Page.GotoAsync(url).DefaultTimeout();
        await ReadyAsync();
    }

    /// <summary>Waits until the current view has finished loading (<c>aria-busy="false"</c>).</summary>
    public Task ReadyAsync() => Page.WaitForSelectorAsync("main > .view[aria-busy='false']").DefaultTimeout();

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
