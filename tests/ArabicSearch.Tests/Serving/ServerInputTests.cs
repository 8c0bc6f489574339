using System.Net;
using System.Net.Http;
using System.Text.Json;
using ArabicSearch.Ingestion;
using ArabicSearch.Server;
using Microsoft.AspNetCore.Builder;

namespace ArabicSearch.Tests.Serving;

/// <summary>
/// The server over an index made for paging and odd requests: 1,005 articles that name بغداد (more than the
/// 1,000-hit window), twelve that name الموصل of which ten are copies of one article, and one whose id has slashes.
/// </summary>
[NonParallelizable]
public class ServerInputTests
{
    private const string SlashId = "news/2018/05/x";
    private string _dir = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _dir = Directory.CreateTempSubdirectory("arabicsearch-server-input-").FullName;
        var seed = JsonLinesReader.Read(Path.Combine(TestContext.CurrentContext.TestDirectory, "corpus", "seeds.jsonl")).First().Article!;
        using (var writer = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir }))
        {
            writer.AddOrUpdate(Enumerable.Range(0, 1_005).Select(i => new Article($"b{i:0000}", $"تقرير رقم {i} عن بغداد") { Published = new DateOnly(2021, 1, 1).AddDays(i % 300) }));
            writer.AddOrUpdate(Enumerable.Range(0, 10).Select(i => new Article($"copy{i}", seed.Body + " الموصل") { Title = seed.Title }));
            writer.AddOrUpdate(new Article("other1", "خبر قصير أول عن الموصل والانتخابات المحلية في المحافظة"));
            writer.AddOrUpdate(new Article("other2", "تقرير ثان عن الموصل والزراعة في سهول الشمال هذا العام"));
            writer.AddOrUpdate(new Article(SlashId, "مقال بمعرف فيه خطوط مائلة") { Title = "معرف مائل" });
            writer.Commit();
        }
        _app = SearchServer.Build(new ServerOptions { IndexPath = _dir, Urls = "http://127.0.0.1:0", ConsoleLogging = false });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(SearchServer.Addresses(_app).First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))) };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Q(string text) => Uri.EscapeDataString(text);

    private async Task<string> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    [TestCase("news%2F2018%2F05%2Fx")] // escaped, as a client library writes a path segment
    [TestCase("news%2f2018%2f05%2fx")]
    [TestCase("news/2018/05/x")]       // raw
    public async Task Articles_finds_an_id_with_slashes(string path)
    {
        var response = await _http.GetAsync("/api/articles/" + path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var article = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(article.RootElement.GetProperty("id").GetString(), Is.EqualTo(SlashId));
    }

    [Test]
    public async Task An_unknown_route_is_a_404_problem()
    {
        string detail = await Problem(await _http.GetAsync("/api/nothing"), HttpStatusCode.NotFound);
        Assert.That(detail, Is.EqualTo($"No endpoint at /api/nothing; the endpoints are {SearchServer.Endpoints}."));
    }

    [Test]
    public async Task A_post_is_a_405_problem()
    {
        using var content = new StringContent("{}");
        string detail = await Problem(await _http.PostAsync("/api/search", content), HttpStatusCode.MethodNotAllowed);
        Assert.That(detail, Is.EqualTo("POST is not allowed on /api/search; use GET."));
    }

    [TestCase("q=x&q=y", "q is given 2 times; give it once.")]
    [TestCase("q=x&page=1&page=2", "page is given 2 times; give it once.")]
    [TestCase("q=x&sort=newest&sort=oldest", "sort is given 2 times; give it once.")]
    [TestCase("q=x&entity=", "An entity name is empty (entity=); give a name or leave entity out.")]
    [TestCase("q=x&source=%20", "A source name is empty (source=); give a name or leave source out.")]
    [TestCase("q=x&after=abc&page=3", "after cannot be combined with page 3: the cursor already says where the page starts; drop page.")]
    [TestCase("q=x&after=abc&collapse=true", "after cannot be combined with collapse=true; page collapsed results with page.")]
    [TestCase("q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF&page=200", "page 200 is past the last page that can be served: at most 1,000 hits can be paged through, 100 pages of pageSize 10; page further with after (the nextCursor of a page).")]
    [TestCase("q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF&page=101&collapse=true", "page 101 is past the last page that can be served: at most 1,000 hits can be paged through, 100 pages of pageSize 10.")]
    public async Task Search_refuses_repeated_empty_or_conflicting_parameters_in_the_terms_of_the_url(string query, string expected)
    {
        string detail = await Problem(await _http.GetAsync("/api/search?" + query), HttpStatusCode.BadRequest);
        Assert.That(detail, Is.EqualTo(expected));
    }

    [Test]
    public async Task Page_counts_only_the_pages_it_can_serve()
    {
        string last = await _http.GetStringAsync("/?q=" + Q("بغداد") + "&page=100");
        Assert.That(last, Does.Contain("صفحة 100 من 100").And.Not.Contain("rel=\"next\""));
        string first = await _http.GetStringAsync("/?q=" + Q("بغداد"));
        Assert.That(first, Does.Contain("صفحة 1 من 100").And.Contain("rel=\"next\""));
    }

    [Test]
    public async Task Page_with_collapse_offers_a_next_page_only_when_it_has_hits()
    {
        // Ten copies collapse into one hit: three hits in all, so two pages of two, although 12 articles match.
        string one = await _http.GetStringAsync("/?q=" + Q("الموصل") + "&collapse=true&pageSize=2");
        Assert.That(one, Does.Contain("rel=\"next\""));
        string two = await _http.GetStringAsync("/?q=" + Q("الموصل") + "&collapse=true&pageSize=2&page=2");
        Assert.That(System.Text.RegularExpressions.Regex.Count(two, "class=\"hit\""), Is.EqualTo(1));
        Assert.That(two, Does.Not.Contain("rel=\"next\"").And.Not.Contain("صفحة 2 من"));
    }
}
