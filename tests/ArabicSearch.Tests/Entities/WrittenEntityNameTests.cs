namespace ArabicSearch.Tests.Entities;

/// <summary>
/// A name a rule found (not the gazetteer) has an id made of its normalized words (<c>org:وزاره_خارجيه</c>); facets
/// and hits show it as most of its articles write it (<c>وزارة الخارجية</c>), not as the id's normalized words.
/// </summary>
public class WrittenEntityNameTests
{
    private static ArabicSearchEngine Engine(params Article[] articles)
    {
        var engine = ArabicSearchEngine.CreateInMemory();
        foreach (var a in articles) engine.AddOrUpdate(a);
        engine.Commit();
        return engine;
    }

    private static (string Id, string Name) RuleFound(ArabicSearchEngine engine, string text) =>
        engine.Search(new SearchRequest { Text = text, Facets = true }).Facets!.Entities["ORG"]
            .Where(f => f.Value.StartsWith("org:", StringComparison.Ordinal)).Select(f => (f.Value, f.Label)).First();

    [Test]
    public void A_facet_shows_the_spelling_most_articles_use()
    {
        using var engine = Engine(
            new Article("a", "قالت وزارة الخارجية في بيان اليوم ان الاجتماع تأجل"),
            new Article("b", "واعلنت وزارة الخارجية مساء امس عن زيارة قريبة"),
            new Article("c", "نقلت وزاره الخارجيه عن مصدر ان الوفد وصل"));
        var (id, name) = RuleFound(engine, "الخارجية");
        Assert.That(id, Is.EqualTo("org:وزاره_خارجيه"));
        Assert.That(name, Is.EqualTo("وزارة الخارجية"));
    }

    [Test]
    public void A_hit_lists_the_name_as_written_without_its_proclitic()
    {
        using var engine = Engine(new Article("a", "واعلنت ووزارة المالية مساء امس عن ميزانية جديدة"));
        var hit = engine.Search(new SearchRequest { Text = "الميزانية" }).Hits.Single();
        Assert.That(hit.Entities.Select(e => e.Name), Does.Contain("وزارة المالية"));
        Assert.That(hit.Entities.Select(e => e.Name), Has.None.EqualTo("وزاره ماليه"));
    }

    [Test]
    public void The_entity_filter_still_takes_the_id()
    {
        using var engine = Engine(
            new Article("a", "قالت وزارة الخارجية في بيان اليوم ان الاجتماع تأجل"),
            new Article("b", "قال الوزير ان الاجتماع تأجل"));
        var hits = engine.Search(new SearchRequest { Entities = ["org:وزاره_خارجيه"] }).Hits;
        Assert.That(hits.Select(h => h.Id), Is.EqualTo(new[] { "a" }));
    }

    [TestCase("وقالت شركة \"دليس دانون\" في بيان ان الانتاج زاد")]
    [TestCase("وقالت شركة «دليس دانون» في بيان ان الانتاج زاد")]
    public void A_name_is_shown_without_the_quotation_marks_around_its_words(string body)
    {
        using var engine = Engine(new Article("a", body));
        var names = engine.Search(new SearchRequest { Text = "الانتاج" }).Hits.Single().Entities.Select(e => e.Name).ToList();
        Assert.That(names, Has.Some.StartsWith("شركة"), "the rule finds the company");
        Assert.That(names, Has.None.Contains("\"").And.None.Contains("«").And.None.Contains("»"));
    }
}
