namespace ArabicSearch.Tests.Querying;

/// <summary>Names in any script, and the news sorts: oldest first and relevance with a recency decay.</summary>
public class NewsSearchTests : SeedEngineFixture
{
    [TestCase("Kadhimi")]             // Latin alias
    [TestCase("Mustafa al-Kadhimi")]  // a Latin full name
    [TestCase("Biden")]
    public void Search_latin_name_finds_the_entity_in_arabic(string name)
    {
        var r = Engine.Search(new SearchRequest { Text = name, Top = 50 });
        Assert.That(r.Total, Is.EqualTo(Engine.Search(new SearchRequest { Entities = [name] }).Total).And.GreaterThan(0));
        Assert.That(r.Notices, Has.Some.Contains(name).And.Contains("also searched as"));
        Assert.That(r.Hits[0].Snippet, Does.Contain("<mark>"), "the name as written in the article is marked");
    }

    [Test]
    public void Search_arabic_usual_spelling_is_not_expanded()
    {
        var r = Engine.Search(new SearchRequest { Text = "الكاظمي" });
        Assert.That(r.Notices, Has.None.Contains("also searched as"));
    }

    [Test]
    public void Search_oldest_first_orders_by_publication_day()
    {
        var hits = Engine.Search(new SearchRequest { Entities = ["الكاظمي"], Sort = SearchSort.Oldest, Top = 50 }).Hits;
        Assert.That(hits.Select(h => h.Published), Is.Ordered.Ascending);
        Assert.That(hits[^1].Published, Is.EqualTo(new DateOnly(2021, 7, 29)));
    }

    [Test]
    public void Search_newest_first_orders_by_publication_day() =>
        Assert.That(Engine.Search(new SearchRequest { Entities = ["الكاظمي"], Sort = SearchSort.Newest, Top = 50 }).Hits.Select(h => h.Published), Is.Ordered.Descending);

    [Test]
    public void Search_recency_decay_lifts_newer_articles()
    {
        var plain = Engine.Search(new SearchRequest { Text = "الكاتيوشا بغداد", Top = 50 }).Hits;
        var recent = Engine.Search(new SearchRequest { Text = "الكاتيوشا بغداد", Sort = SearchSort.RelevanceWithRecency, RecencyHalfLifeDays = 7, Top = 50 }).Hits;
        Assert.That(recent.Select(h => h.Id), Is.EquivalentTo(plain.Select(h => h.Id)), "the same matches");
        Assert.That(recent[0].Published, Is.EqualTo(new DateOnly(2021, 7, 29)), "five months newer: the decay outweighs relevance");
        var long_ = Engine.Search(new SearchRequest { Text = "الكاتيوشا بغداد", Sort = SearchSort.RelevanceWithRecency, RecencyHalfLifeDays = 100_000, Top = 50 }).Hits;
        Assert.That(long_.Select(h => h.Id), Is.EqualTo(plain.Select(h => h.Id)), "a very long half-life is plain relevance");
    }

    [TestCase(0)]
    [TestCase(-3)]
    [TestCase(double.NaN)]
    public void Search_rejects_a_bad_half_life(double days) =>
        Assert.That(() => Engine.Search(new SearchRequest { Text = "بغداد", Sort = SearchSort.RelevanceWithRecency, RecencyHalfLifeDays = days }), Throws.TypeOf<InvalidQueryException>());
}
