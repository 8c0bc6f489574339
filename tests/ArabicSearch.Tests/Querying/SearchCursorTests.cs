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
    [TestCase("djJ8cnwxfDB8MHwxfDA")] // "v2|r|1|0|0|1|0": an unknown version
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
