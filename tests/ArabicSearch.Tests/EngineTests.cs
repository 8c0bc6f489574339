namespace ArabicSearch.Tests;

public class EngineTests : SeedEngineFixture
{
    [Test]
    public void Seeds_are_all_indexed() => Assert.That(Engine.Count, Is.EqualTo(5));

    // The cases of corpus/queries.md.
    [TestCase("خلايا الكاتيوشا", "000 001")]
    [TestCase("المنطقة الخضراء", "000 001 002")]
    [TestCase("البيت الأبيض", "000 001 002 004")]
    [TestCase("حرب بالوكالة", "001")]
    [TestCase("الكاتيوشا خلايا", "")]                 // order matters
    public void Search_phrase_matches_exact_words_only(string phrase, string expected) =>
        Assert.That(Ids(new SearchRequest { Phrase = phrase }), Is.EqualTo(expected));

    [TestCase("الكاظمي", "000 001 002 003 004")]
    [TestCase("الكاظمى", "000 001 002 003 004")]       // Egyptian spelling
    [TestCase("مصطفى الكاظمي", "000 001 002 003 004")] // full name
    [TestCase("بايدن", "000 001 002 003 004")]
    [TestCase("أربيل", "000 001 002 003 004")]         // وأربيل in 002 and 003; inside مطار أربيل in 004
    [TestCase("داعش", "002 004")]
    public void Search_entity_matches_every_form(string entity, string expected) =>
        Assert.That(Ids(new SearchRequest { Entities = [entity] }), Is.EqualTo(expected));

    [Test]
    public void Search_date_range_is_inclusive() =>
        Assert.That(Ids(new SearchRequest { From = new DateOnly(2021, 7, 1), To = new DateOnly(2021, 7, 31) }), Is.EqualTo("002 003"));

    [Test]
    public void Search_open_ended_date_range() =>
        Assert.That(Ids(new SearchRequest { To = new DateOnly(2021, 2, 24) }), Is.EqualTo("000 001 004"));

    [Test]
    public void Search_phrase_within_date_range() =>
        Assert.That(Ids(new SearchRequest { Phrase = "المنطقة الخضراء", From = new DateOnly(2021, 2, 1), To = new DateOnly(2021, 2, 28) }), Is.EqualTo("000 001"));

    [Test]
    public void Search_entity_and_date_combined() =>
        Assert.That(Ids(new SearchRequest { Entities = ["الكاظمي"], From = new DateOnly(2021, 7, 1), To = new DateOnly(2021, 7, 31) }), Is.EqualTo("002 003"));

    [Test]
    public void Search_free_text_conflates_spelling_variants() =>
        Assert.That(Ids(new SearchRequest { Text = "كاتيوشا" }), Is.EqualTo("000 001 002 003"));

    [Test]
    public void Search_free_text_supports_boolean_syntax()
    {
        Assert.That(Ids(new SearchRequest { Text = "كاتيوشا AND NOT حرب", Syntax = QuerySyntax.Lucene }), Is.EqualTo("000 002 003"));
        Assert.That(Ids(new SearchRequest { Text = "+كاتويشا", Syntax = QuerySyntax.Lucene }), Is.EqualTo("003"));
    }

    [TestCase("بغداد AND (")]
    [TestCase("/ب.*/")]
    public void Search_rejects_bad_syntax_with_a_clear_error(string text) =>
        Assert.That(() => Engine.Search(new SearchRequest { Text = text, Syntax = QuerySyntax.Lucene }), Throws.TypeOf<InvalidQueryException>());

    [Test]
    public void Search_plain_syntax_takes_operators_literally() =>
        Assert.That(Engine.Search(new SearchRequest { Text = "بغداد AND (", Syntax = QuerySyntax.Plain }).Total, Is.GreaterThan(0));

    [TestCase(-1, 10)]
    [TestCase(0, -5)]
    [TestCase(0, 100_000_000)]
    public void Search_rejects_bad_paging(int skip, int top) =>
        Assert.That(() => Engine.Search(new SearchRequest { Skip = skip, Top = top }), Throws.TypeOf<InvalidQueryException>());

    [Test]
    public void Search_paging_returns_disjoint_pages()
    {
        var first = Engine.Search(new SearchRequest { Text = "الكاظمي", Top = 2 });
        var second = Engine.Search(new SearchRequest { Text = "الكاظمي", Top = 2, Skip = 2 });
        var all = Engine.Search(new SearchRequest { Text = "الكاظمي", Top = 4 });
        Assert.That(first.Hits, Has.Count.EqualTo(2));
        Assert.That(second.Hits, Is.Not.Empty);
        Assert.That(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)), Is.Empty, "no article on both pages");
        Assert.That(first.Hits.Concat(second.Hits).Select(h => h.Id), Is.EqualTo(all.Hits.Select(h => h.Id)), "the pages, in order, are the top four");
        Assert.That(first.Total, Is.EqualTo(second.Total));
    }

    [Test]
    public void Search_newest_first_orders_by_date()
    {
        var hits = Engine.Search(new SearchRequest { Sort = SearchSort.Newest, Top = 5 }).Hits;
        Assert.That(hits.Select(h => h.Published), Is.Ordered.Descending);
    }

    [Test]
    public void Hit_snippet_marks_the_words_as_written()
    {
        var hit = Engine.Search(new SearchRequest { Entities = ["الكاظمي"], Phrase = "صاروخى كاتويشا" }).Hits.Single();
        Assert.That(hit.Id, Does.StartWith("003"));
        Assert.That(hit.Snippet, Does.Contain("<mark>صاروخى</mark> <mark>كاتويشا</mark>"));
        var body = SeedCorpus.Articles.Single(a => a.Id == hit.Id).Body;
        Assert.That(hit.Highlights.Select(s => body.Substring(s.Start, s.Length)), Does.Contain("الكاظمى"), "entity marked in its Egyptian spelling");
    }

    [Test]
    public void Hit_carries_metadata_and_entities()
    {
        var hit = Engine.Search(new SearchRequest { Phrase = "حرب بالوكالة" }).Hits.Single();
        Assert.That(hit.Published, Is.EqualTo(new DateOnly(2021, 2, 24)));
        Assert.That(hit.Entities.Select(e => e.Name), Does.Contain("مصطفى الكاظمي"));
        Assert.That(hit.Title, Does.StartWith("خلايا الكاتيوشا"));
    }

    [Test]
    public void Article_without_title_is_searchable()
    {
        var hit = Engine.Search(new SearchRequest { Phrase = "جامع الرحمن" }).Hits.Single();
        Assert.That(hit.Title, Is.Empty);
    }

    [Test]
    public void Unknown_entity_falls_back_to_a_phrase_and_says_so()
    {
        var results = Engine.Search(new SearchRequest { Entities = ["حي سكني"] });
        Assert.That(SeedCorpus.Ids(results), Is.EqualTo("002"));
        Assert.That(results.Notices, Has.Some.Contains("Unknown entity"));
    }
}
