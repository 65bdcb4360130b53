using Microsoft.Playwright;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>
/// One headless Chromium for the test run: Debian's <c>/usr/bin/chromium</c> (scripts/prerequisites.sh installs it),
/// driven by Playwright's bundled driver, so nothing is downloaded. <c>VIGIL_CHROMIUM</c> points elsewhere.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("VIGIL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"no Chromium at {ExecutablePath}: run scripts/prerequisites.sh (it installs Debian's chromium)");
        }

        _playwright = await Playwright.CreateAsync().DefaultTimeout();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,

            // CI runs as root, where Chromium's sandbox cannot start; the pages are our own, on loopback.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        }).DefaultTimeout();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
