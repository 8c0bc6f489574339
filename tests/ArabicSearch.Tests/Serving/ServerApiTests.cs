using System.Net;
using System.Text.Json;
using ArabicSearch.Tests.Reliability;

namespace ArabicSearch.Tests.Serving;

/// <summary>The HTTP API over the seed index: the CLI's JSON, problem details, and following another writer's commits.</summary>
[NonParallelizable]
public class ServerApiTests
{
    private ServerFixture _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await ServerFixture.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task Search_returns_the_same_json_as_the_cli()
    {
        var response = await _server.Http.GetAsync("/api/search?q=" + Uri.EscapeDataString("الكاظمى") + "&entity=" + Uri.EscapeDataString("بايدن") + "&facets=true&collapse=true&pageSize=3");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        string api = await response.Content.ReadAsStringAsync();
        Assert.That(api, Does.Contain("الكاظمي"), "Arabic is written as itself, not as \\u escapes");
        var (code, cli, err) = CliHost.Run("search", "--index", _server.IndexPath, "الكاظمى", "--entity", "بايدن", "--facets", "--collapse-duplicates", "--top", "3", "--json");
        Assert.That(code, Is.Zero, err);
        Assert.That(api.Trim(), Is.EqualTo(cli.Trim()));
    }

    [Test]
    public async Task Search_pages_and_filters_by_source_ignoring_case()
    {
        using var page2 = JsonDocument.Parse(await _server.Http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("الكاظمى") + "&sort=date&page=2&pageSize=2"));
        Assert.That(page2.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(5));
        Assert.That(page2.RootElement.GetProperty("hits").GetArrayLength(), Is.EqualTo(2));
        using var afp = JsonDocument.Parse(await _server.Http.GetStringAsync("/api/search?source=afp&source=youm7"));
        Assert.That(afp.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()![..3]), Is.EquivalentTo(new[] { "002", "003" }));
    }

    [Test]
    public async Task Word_values_are_read_in_any_letter_case()
    {
        string q = "/api/search?q=" + Uri.EscapeDataString("الكاظمى");
        string lower = await _server.Http.GetStringAsync(q + "&sort=newest&syntax=plain&dateField=published");
        using var upper = await _server.Http.GetAsync(q + "&sort=Newest&syntax=PLAIN&dateField=Published");
        Assert.That((int)upper.StatusCode, Is.EqualTo(200));
        Assert.That(await upper.Content.ReadAsStringAsync(), Is.EqualTo(lower));
    }

    [TestCase("from=2021-13-01", "from '2021-13-01' is not a date; use yyyy-MM-dd, e.g. 2021-07-01.")]
    [TestCase("from=2021-08-01&to=2021-07-01", "The date range is empty: from 2021-08-01 is after to 2021-07-01.")]
    [TestCase("syntax=lucene&q=(%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF", null)] // an unbalanced parenthesis in Lucene syntax: the engine's own message
    [TestCase("sort=alphabetical", "sort 'alphabetical' is not one of relevance, recent, newest, date, oldest.")]
    [TestCase("page=100&pageSize=100", "page 100 is past the last page that can be served: at most 1,000 hits can be paged through, 10 pages of pageSize 100; page further with after (the nextCursor of a page).")]
    [TestCase("q=x&top=5", "Unknown parameter 'top'; use pageSize.")]
    [TestCase("q=x&skip=20", "Unknown parameter 'skip'; use page.")]
    [TestCase("q=x&PageSize=5", "Unknown parameter 'PageSize'; use pageSize.")]
    [TestCase("q=x&colour=red", "Unknown parameter 'colour'; known parameters: q, phrase, entity, source, category, from, to, dateField, sort, syntax, page, pageSize, facets, after, collapse.")]
    public async Task Search_reports_a_bad_query_as_problem_json_with_the_cli_message(string query, string? message)
    {
        var response = await _server.Http.GetAsync("/api/search?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(400));
        if (message is not null) Assert.That(detail, Is.EqualTo(message));
        if (query.StartsWith("syntax=lucene&q=", StringComparison.Ordinal))
        {
            var (code, _, err) = CliHost.Run("search", "--index", _server.IndexPath, "--syntax", "lucene", Uri.UnescapeDataString(query["syntax=lucene&q=".Length..]));
            Assert.That(code, Is.EqualTo(2));
            Assert.That(err.Trim(), Is.EqualTo("error: " + detail));
        }
    }

    [Test]
    public async Task Articles_returns_the_stored_article_or_a_404_problem()
    {
        using var article = JsonDocument.Parse(await _server.Http.GetStringAsync("/api/articles/" + ServerFixture.HostileId));
        Assert.That(article.RootElement.GetProperty("body").GetString(), Is.EqualTo(ServerFixture.HostileBody));
        Assert.That(article.RootElement.GetProperty("category").GetString(), Is.EqualTo("tests"));
        var missing = await _server.Http.GetAsync("/api/articles/no-such-id");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("No article with id 'no-such-id'."));
    }

    [Test]
    public async Task Stats_and_healthz_follow_commits_another_writer_makes()
    {
        Assert.That(await _server.Http.GetStringAsync("/healthz"), Is.EqualTo("Healthy"));
        using (var writer = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _server.IndexPath }))
        {
            writer.AddOrUpdate(new Article("late_0001", "خبر جديد عن أربيل"));
            writer.Commit();
        }
        async Task<int> Documents()
        {
            using var stats = JsonDocument.Parse(await _server.Http.GetStringAsync("/api/stats"));
            return stats.RootElement.GetProperty("documents").GetInt32();
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Documents() != 7 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.That(await Documents(), Is.EqualTo(7));
        using (var writer = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _server.IndexPath }))
        {
            writer.Delete("late_0001");
            writer.Commit();
        }
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Documents() != 6 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.That(await Documents(), Is.EqualTo(6));
    }

    [Test]
    public async Task Page_has_the_first_results_in_its_html_with_text_escaped()
    {
        var response = await _server.Http.GetAsync("/?q=" + Uri.EscapeDataString("تقرير") + "&source=test");
        string html = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/html; charset=utf-8"));
        Assert.That(html, Does.Contain("<html lang=\"ar\" dir=\"rtl\">"));
        Assert.That(html, Does.Contain($"data-id=\"{ServerFixture.HostileId}\""));
        Assert.That(html, Does.Contain("&lt;b&gt;عنوان&lt;/b&gt; &amp; &quot;اقتباس&quot;"));
        Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("<img"));
        Assert.That(html, Does.Contain("<mark>تقرير</mark>"));
        // a headline match is marked, inside the escaped headline
        string titled = await _server.Http.GetStringAsync("/?q=" + Uri.EscapeDataString("عنوان"));
        Assert.That(titled, Does.Contain("&lt;b&gt;<mark>عنوان</mark>&lt;/b&gt; &amp; &quot;اقتباس&quot;</a></h2>"));
    }

    [TestCase("")]
    [TestCase("?q=%22%3E%3Cscript%3E%20%D8%AA%D9%82%D8%B1%D9%8A%D8%B1&source=%3Cb%3E&entity=%27x")]
    [TestCase("?q=%D8%AA%D9%82%D8%B1%D9%8A%D8%B1&facets=true&page=abc")]
    public async Task Page_tags_are_well_formed_every_attribute_quoted_and_closed(string query)
    {
        // An attribute value with a raw quote in it (the search box's placeholder once had one) ends the attribute
        // early: the browser then reads the rest as attribute names.
        string html = await (await _server.Http.GetAsync("/" + query)).Content.ReadAsStringAsync(); // page=abc: a 400 page
        var tag = new System.Text.RegularExpressions.Regex("<[a-zA-Z][^>]*>");
        var wellFormed = new System.Text.RegularExpressions.Regex("^<[a-zA-Z0-9]+(\\s+[a-zA-Z-]+(=\"[^\"<]*\")?)*\\s*/?>$");
        var tags = tag.Matches(html).Select(m => m.Value).ToList();
        Assert.That(tags, Has.Count.GreaterThan(10));
        Assert.That(tags.Where(t => !wellFormed.IsMatch(t)), Is.Empty);
    }

    [Test]
    public void Page_snippet_marks_ranges_and_escapes_everything_else()
    {
        // The page writes SearchHit.Snippet as it is: it must be safe HTML with only the marks as markup.
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(new Article("s", "a <mark>b</mark> <script>c</script> بغداد"));
        engine.Commit();
        Assert.That(engine.Search(new SearchRequest { Text = "بغداد" }).Hits.Single().Snippet,
            Is.EqualTo("a &lt;mark&gt;b&lt;/mark&gt; &lt;script&gt;c&lt;/script&gt; <mark>بغداد</mark>"));
    }

    [TestCase("q=%D8%A7%D9%84%D9%83%D8%A7%D8%B8", "Unknown parameter 'q'; /api/suggest takes prefix and top.")]
    [TestCase("prefix=a&prefix=b", "prefix is given 2 times; give it once.")]
    public async Task Suggest_refuses_unknown_or_repeated_parameters(string query, string message)
    {
        var response = await _server.Http.GetAsync("/api/suggest?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Is.EqualTo(message));
    }

    [Test]
    public async Task Suggest_completes_a_prefix_like_the_cli()
    {
        using var doc = JsonDocument.Parse(await _server.Http.GetStringAsync("/api/suggest?prefix=" + Uri.EscapeDataString("الكاظ")));
        var texts = doc.RootElement.GetProperty("completions").EnumerateArray().Select(c => c.GetProperty("text").GetString()).ToList();
        Assert.That(texts, Has.Some.StartsWith("الكاظ").Or.Some.Contains("الكاظ"));
        var bad = await _server.Http.GetAsync("/api/suggest?prefix=x&top=0");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Search_pages_with_the_cursor_through_every_match()
    {
        var ids = new List<string>();
        string? after = null;
        for (int page = 0; page < 10; page++)
        {
            string url = "/api/search?q=" + Uri.EscapeDataString("الكاظمي") + "&pageSize=2" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            using var doc = JsonDocument.Parse(await _server.Http.GetStringAsync(url));
            ids.AddRange(doc.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!));
            after = doc.RootElement.GetProperty("nextCursor").GetString();
            if (after is null) break;
        }
        using var all = JsonDocument.Parse(await _server.Http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("الكاظمي") + "&pageSize=50"));
        Assert.That(ids, Is.EqualTo(all.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!)));
    }

    [Test]
    public async Task Search_refuses_a_cursor_of_another_query_with_400_and_the_cli_message()
    {
        using var first = JsonDocument.Parse(await _server.Http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("الكاظمي") + "&pageSize=2"));
        string cursor = first.RootElement.GetProperty("nextCursor").GetString()!;

        var response = await _server.Http.GetAsync("/api/search?q=" + Uri.EscapeDataString("بغداد") + "&pageSize=2&after=" + Uri.EscapeDataString(cursor));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.That(detail, Does.StartWith("The cursor was made for another query"));
        var (code, _, err) = CliHost.Run("search", "--index", _server.IndexPath, "--top", "2", "--after", cursor, "بغداد");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(err.Trim(), Is.EqualTo("error: " + detail));
    }

    [Test]
    public async Task Page_offers_did_you_mean_for_a_misspelled_word()
    {
        string html = await _server.Http.GetStringAsync("/?q=" + Uri.EscapeDataString("الكاتيوشو"));
        Assert.That(html, Does.Contain("did-you-mean").And.Contain("الكاتيوشا"));
    }
}
