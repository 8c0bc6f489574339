namespace ArabicSearch.Tests.Querying;

/// <summary>Deep paging with a search-after cursor (issue #17, 4) on the seed corpus.</summary>
public class SearchCursorTests : SeedEngineFixture
{
    /// <summary>Every hit of <paramref name="request"/>, page by page through the cursor.</summary>
    private List<string> PageThrough(SearchRequest request, int pageSize)
    {
        var ids = new List<string>();
        string? cursor = null;
        for (int page = 0; page < 100; page++)
        {
            var results = Engine.Search(request with { Top = pageSize, After = cursor });
            ids.AddRange(results.Hits.Select(h => h.Id));
            cursor = results.NextCursor;
            if (cursor is null) return ids;
        }
        throw new AssertionException("the cursor never reached the last page");
    }

    [TestCase(SearchSort.Relevance, 1)]
    [TestCase(SearchSort.Relevance, 2)]
    [TestCase(SearchSort.Newest, 1)]
    [TestCase(SearchSort.Newest, 2)]
    [TestCase(SearchSort.Oldest, 2)]
    [TestCase(SearchSort.RelevanceWithRecency, 2)]
    public void Search_after_cursor_pages_through_every_match_in_order(SearchSort sort, int pageSize)
    {
        var request = new SearchRequest { Text = "بايدن العراق الكاتيوشا", Sort = sort };
        var all = Engine.Search(request with { Top = 50 });
        Assert.That(all.Total, Is.GreaterThan(pageSize), "the query must need several pages");

        var paged = PageThrough(request, pageSize);

        Assert.That(paged, Is.EqualTo(all.Hits.Select(h => h.Id)));
    }

    [Test]
    public void Search_after_cursor_is_null_on_the_last_page()
    {
        var results = Engine.Search(new SearchRequest { Text = "بايدن", Top = 50 });

        Assert.That(results.NextCursor, Is.Null);
    }

    [Test]
    public void Search_after_first_page_with_skip_gives_a_cursor_to_the_rest()
    {
        var request = new SearchRequest { Text = "بايدن العراق الكاتيوشا" };
        var all = Engine.Search(request with { Top = 50 }).Hits.Select(h => h.Id).ToList();
        var first = Engine.Search(request with { Skip = 1, Top = 1 });

        var rest = Engine.Search(request with { Top = 50, After = first.NextCursor });

        Assert.That(rest.Hits.Select(h => h.Id), Is.EqualTo(all.Skip(2)));
    }

    [TestCase("not a cursor")]
    [TestCase("")]
    [TestCase("djF8cnwx")] // base64url of "v1|r|1": too few parts
    [TestCase("djN8cnwxfDB8MHwxfDB8MA")] // "v3|r|1|0|0|1|0|0": an unknown version
    [TestCase("djJ8cnwxfDB8MHwxfDA")] // "v2|r|1|0|0|1|0": too few parts (no query hash)
    public void Search_after_malformed_cursor_is_an_invalid_query(string cursor)
    {
        var e = Assert.Throws<InvalidQueryException>(() => Engine.Search(new SearchRequest { Text = "بايدن", After = cursor }));
        Assert.That(e!.Message, Does.Contain("cursor"));
    }

    [Test]
    public void Search_after_cursor_with_skip_is_an_invalid_query()
    {
        var cursor = Engine.Search(new SearchRequest { Text = "بايدن العراق", Top = 1 }).NextCursor;

        Assert.That(() => Engine.Search(new SearchRequest { Text = "بايدن العراق", Skip = 1, After = cursor }),
            Throws.TypeOf<InvalidQueryException>().With.Message.Contains("Skip must be 0"));
    }

    [Test]
    public void Search_after_cursor_of_another_sort_is_an_invalid_query()
    {
        var cursor = Engine.Search(new SearchRequest { Text = "بايدن العراق", Top = 1 }).NextCursor;

        Assert.That(() => Engine.Search(new SearchRequest { Text = "بايدن العراق", Sort = SearchSort.Newest, After = cursor }),
            Throws.TypeOf<InvalidQueryException>().With.Message.Contains("sort"));
    }

    // New-user trial: a cursor from another query was accepted silently, paging that query from a position that means
    // nothing in it. Each case changes one part of what defines the result list.
    private static readonly SearchRequest Paged = new() { Text = "بايدن العراق الكاتيوشا", Top = 1 };

    private static IEnumerable<TestCaseData> OtherQueries()
    {
        yield return new TestCaseData(Paged with { Text = "بايدن العراق" }).SetName("{m}(text)");
        yield return new TestCaseData(Paged with { Syntax = QuerySyntax.Plain }).SetName("{m}(syntax)");
        yield return new TestCaseData(Paged with { Phrase = "الكاظمي" }).SetName("{m}(phrase)");
        yield return new TestCaseData(Paged with { Entities = ["الكاظمي"] }).SetName("{m}(entity)");
        yield return new TestCaseData(Paged with { Sources = ["afp"] }).SetName("{m}(source)");
        yield return new TestCaseData(Paged with { Categories = ["news"] }).SetName("{m}(category)");
        yield return new TestCaseData(Paged with { From = new DateOnly(2021, 3, 1) }).SetName("{m}(from)");
        yield return new TestCaseData(Paged with { To = new DateOnly(2021, 3, 1) }).SetName("{m}(to)");
        yield return new TestCaseData(Paged with { From = new DateOnly(2021, 1, 1), DateField = DateField.Mentioned }).SetName("{m}(date field)");
    }

    [TestCaseSource(nameof(OtherQueries))]
    public void Search_after_cursor_of_another_query_is_an_invalid_query(SearchRequest other)
    {
        var cursor = Engine.Search(Paged).NextCursor;
        Assert.That(cursor, Is.Not.Null);

        var e = Assert.Throws<InvalidQueryException>(() => Engine.Search(other with { After = cursor }));
        Assert.That(e!.Message, Does.StartWith("The cursor was made for another query").And.Not.Contain('\n'));
    }

    [Test]
    public void Search_after_cursor_of_a_recency_sort_with_another_half_life_is_an_invalid_query()
    {
        var request = Paged with { Sort = SearchSort.RelevanceWithRecency };
        var cursor = Engine.Search(request).NextCursor;

        Assert.That(() => Engine.Search(request with { RecencyHalfLifeDays = 30, After = cursor }),
            Throws.TypeOf<InvalidQueryException>().With.Message.Contains("another query"));
    }

    [Test]
    public void Search_after_cursor_keeps_working_when_page_size_facets_or_set_order_change()
    {
        var request = Paged with { Entities = ["بايدن", "الكاظمي"], Sources = ["AFP", "youm7"] };
        var all = Engine.Search(request with { Top = 50 }).Hits.Select(h => h.Id).ToList();
        Assert.That(all, Has.Count.GreaterThan(1));
        var first = Engine.Search(request);

        var rest = Engine.Search(request with
        {
            Top = 50, Facets = true, Entities = ["الكاظمي", "بايدن"], Sources = [" afp ", "youm7"], After = first.NextCursor,
        });

        Assert.That(rest.Hits.Select(h => h.Id), Is.EqualTo(all.Skip(1)));
    }

    [Test]
    public void Search_after_cursor_of_an_earlier_version_says_to_start_again()
    {
        // base64url of "v1|r|0|0|0|1|0", the layout before cursors recorded their query
        var e = Assert.Throws<InvalidQueryException>(() => Engine.Search(new SearchRequest { Text = "بايدن", After = "djF8cnwwfDB8MHwxfDA" }));
        Assert.That(e!.Message, Does.Contain("earlier version").And.Contain("first page"));
    }

    [Test]
    public void Search_after_cursor_from_before_a_write_says_paging_may_skip_or_repeat()
    {
        using var engine = SeedCorpus.InMemory();
        var request = new SearchRequest { Text = "بايدن العراق", Top = 1 };
        var cursor = engine.Search(request).NextCursor;
        engine.AddOrUpdate(SeedCorpus.Articles[0] with { Id = "new", Title = "بايدن" });

        var next = engine.Search(request with { After = cursor });

        Assert.That(next.Notices, Has.Some.Contains("skip or repeat"));
    }
}
