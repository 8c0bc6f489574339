using Microsoft.Playwright;

namespace ArabicSearch.Tests.Serving;

/// <summary>
/// The search page in a real browser: Debian's headless Chromium driven by Playwright through its executable path
/// (Playwright's own browser download is not used). Skipped, with the reason, when Chromium is not installed;
/// .ci/run installs it.
/// </summary>
[NonParallelizable]
public class BrowserTests
{
    private ServerFixture _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path && File.Exists(path)) return path;
        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    }

    [OneTimeSetUp]
    public async Task Start()
    {
        if (FindChromium() is not { } chromium)
        {
            Assert.Ignore("Chromium is not installed (looked for $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser): apt-get install -y chromium fonts-noto-core, as .ci/run does.");
            return;
        }
        _server = await ServerFixture.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    private async Task<IPage> NewPage()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        return page;
    }

    private static async Task<string[]> HitIds(IPage page) =>
        (await page.Locator("li.hit").EvaluateAllAsync<string[]>("hits => hits.map(h => h.dataset.id)"));

    [Test]
    public async Task Page_lists_the_seed_articles_with_the_name_marked_and_the_month_facet_narrows_them()
    {
        var page = await NewPage();
        await page.GotoAsync(_server.BaseAddress.ToString());
        await page.FillAsync("input[name=q]", "الكاظمى");
        await page.PressAsync("input[name=q]", "Enter");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));

        var ids = await HitIds(page);
        Assert.That(ids.Select(id => id[..3]), Is.EquivalentTo(new[] { "000", "001", "002", "003", "004" }));
        foreach (var hit in await page.Locator("li.hit").AllAsync())
            Assert.That(await hit.Locator("mark").AllInnerTextsAsync(), Has.Some.Match("الكاظم[يى]"), await hit.GetAttributeAsync("data-id")); // 003 spells it with alif maqsura
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "search-page.png"), FullPage = false });
        TestContext.AddTestAttachment(Path.Combine(TestContext.CurrentContext.WorkDirectory, "search-page.png"), "the search page");

        await page.ClickAsync("a[data-month='2021-07']");
        await page.WaitForURLAsync(url => url.Contains("from=2021-07-01", StringComparison.Ordinal) && url.Contains("to=2021-07-31", StringComparison.Ordinal));
        Assert.That((await HitIds(page)).Select(id => id[..3]), Is.EquivalentTo(new[] { "002", "003" }));
        Assert.That(await page.Locator("a[data-month='2021-07']").GetAttributeAsync("class"), Does.Contain("active"));
        Assert.That(await page.InputValueAsync("input[name=q]"), Is.EqualTo("الكاظمى"), "the state stays in the URL and the form");
    }

    [Test]
    public async Task Article_whose_body_holds_a_script_renders_it_as_text()
    {
        var page = await NewPage();
        var alerts = 0;
        page.Dialog += (_, d) => { alerts++; _ = d.DismissAsync(); };
        await page.GotoAsync(new Uri(_server.BaseAddress, "/?q=" + Uri.EscapeDataString("تقرير") + "&source=test").ToString());
        Assert.That(await page.Locator("li.hit .snippet").InnerTextAsync(), Does.Contain("<script>window.pwned = 1;</script>"));
        Assert.That(await page.Locator("li.hit h2").InnerTextAsync(), Is.EqualTo("<b>عنوان</b> & \"اقتباس\""));

        await page.ClickAsync("li.hit h2 a");
        await page.WaitForURLAsync(url => url.Contains("article=", StringComparison.Ordinal));
        Assert.That(await page.Locator(".article-view .body").InnerTextAsync(), Does.Contain("<script>window.pwned = 1;</script>").And.Contain("<img src=x"));
        Assert.That(await page.EvaluateAsync<bool>("() => window.pwned === undefined && document.querySelectorAll('main script, main img').length === 0"), Is.True);
        Assert.That(alerts, Is.Zero);
    }
}
