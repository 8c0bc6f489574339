using System.Net.Http;
using ArabicSearch.Ingestion;
using ArabicSearch.Server;
using Microsoft.AspNetCore.Builder;

namespace ArabicSearch.Tests.Serving;

/// <summary>
/// The server on a free loopback port over an index of the seed corpus plus one hostile article (markup in its
/// title and a &lt;script&gt; in its body), refreshing every 100 ms. Disposed with everything it made.
/// </summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    public const string HostileId = "xss_0001";
    public const string HostileBody = "تقرير عن بغداد <script>window.pwned = 1;</script> و<img src=x onerror=\"window.pwned = 2\"> نهاية";

    public string IndexPath { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    private readonly WebApplication _app;

    private ServerFixture(string indexPath, WebApplication app, Uri baseAddress)
    {
        IndexPath = indexPath;
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public static async Task<ServerFixture> StartAsync()
    {
        string dir = Directory.CreateTempSubdirectory("arabicsearch-server-").FullName;
        using (var writer = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = dir }))
        {
            writer.AddOrUpdate(JsonLinesReader.Read(Path.Combine(TestContext.CurrentContext.TestDirectory, "corpus", "seeds.jsonl")).Select(r => r.Article!));
            writer.AddOrUpdate(new Article(HostileId, HostileBody) { Title = "<b>عنوان</b> & \"اقتباس\"", Source = "Test", Category = "tests", Author = "<i>كاتب</i>", Published = new DateOnly(2020, 1, 1) });
            writer.Commit();
        }
        var app = SearchServer.Build(new ServerOptions { IndexPath = dir, Urls = "http://127.0.0.1:0", RefreshInterval = TimeSpan.FromMilliseconds(100), ConsoleLogging = false });
        await app.StartAsync();
        var address = SearchServer.Addresses(app).First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new ServerFixture(dir, app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(IndexPath, recursive: true);
    }
}
