namespace ArabicSearch.Tests;

/// <summary>Entity queries, dated-mention queries and facets on the seed corpus.</summary>
public class EntitySearchTests : SeedEngineFixture
{
    [TestCase("Kadhimi", "000 001 002 003 004")]             // Latin alias; 003 writes الكاظمى
    [TestCase("Mustafa al-Kadhimi", "000 001 002 003 004")]
    [TestCase("Biden", "000 001 002 003 004")]
    [TestCase("Erbil", "000 001 002 003 004")]               // وأربيل in 002 and 003
    [TestCase("اربيل", "000 001 002 003 004")]               // without hamza
    [TestCase("Baghdad", "000 001 002 003 004")]             // ببغداد in 002
    [TestCase("بغداد", "000 001 002 003 004")]
    [TestCase("ISIS", "002 004")]                             // ”داعش” glued to quotes in 004
    [TestCase("Green Zone", "000 001 002")]
    public void Search_entity_by_any_alias_finds_every_article_naming_it(string entity, string expected) =>
        Assert.That(Ids(new SearchRequest { Entities = [entity] }), Is.EqualTo(expected));

    [TestCase("per:يحيي_رسول", "003")]       // found after the title اللواء
    [TestCase("loc:قاعده_بلد", "000 001 004")] // قاعدة البلد الجوية (000, 001) and قاعدة بلد الجوية (004)
    [TestCase("per:احسان_شمري", "002")]       // after الباحث السياسي ورئيس مركز …
    public void Search_entity_by_generated_id_finds_names_found_by_rules(string id, string expected)
    {
        // Over a gazetteer that lacks these names, so only the rules can find them.
        using var engine = ArabicSearchEngine.CreateInMemory(new ArabicSearchOptions { Gazetteer = Entities.EntityRecognizerTests.Small.Gazetteer });
        engine.AddOrUpdate(SeedCorpus.Articles);
        var results = engine.Search(new SearchRequest { Entities = [id], Facets = true });
        Assert.That(SeedCorpus.Ids(results), Is.EqualTo(expected));
        Assert.That(results.Notices, Is.Empty);
        Assert.That(results.Facets!.Entities.Values.SelectMany(v => v).Select(c => c.Value), Does.Contain(id), "rule-found names are facets too");
    }

    // 000/001 and 004 were published on Wednesday 24 February 2021, 002 and 003 on Thursday 29 July 2021.
    [TestCase("2021-02-22", "2021-02-22", "000 001")]         // "الاثنين": the Monday attack on the Green Zone
    [TestCase("2021-02-20", "2021-02-20", "000 001 004")]     // "السبت" / "ليلة السبت": the attack on Balad air base
    [TestCase("2021-02-23", "2021-02-23", "000 001 004")]     // "أمس" in 000/001, "الثلاثاء" in 004
    [TestCase("2021-06-29", "2021-06-29", "002")]             // "29 حزيران/يونيو": the US strikes
    [TestCase("2021-07-26", "2021-07-26", "002")]             // "الاثنين": Biden receives al-Kadhimi
    [TestCase("2021-06-01", "2021-06-30", "002")]
    [TestCase("2021-03-01", "2021-06-28", "")]
    public void Search_mentioned_dates_finds_the_articles_that_talk_about_the_day(string from, string to, string expected) =>
        Assert.That(Ids(new SearchRequest { DateField = DateField.Mentioned, From = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), To = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) }),
            Is.EqualTo(expected));

    [Test]
    public void Search_mentioned_date_differs_from_published_date()
    {
        var june29 = new DateOnly(2021, 6, 29);
        Assert.That(Ids(new SearchRequest { From = june29, To = june29 }), Is.Empty);
        Assert.That(Ids(new SearchRequest { From = june29, To = june29, DateField = DateField.Mentioned, Entities = ["Biden"] }), Is.EqualTo("002"));
    }

    [Test]
    public void Search_without_facets_returns_none() =>
        Assert.That(Engine.Search(new SearchRequest()).Facets, Is.Null);

    [Test]
    public void Facets_count_every_match_not_just_the_page()
    {
        var facets = Engine.Search(new SearchRequest { Facets = true, Top = 1 }).Facets!;
        Assert.That(facets.Entities["PER"].Take(2).Select(c => (c.Value, c.Count)),
            Is.EquivalentTo(new[] { ("joe-biden", 5), ("mustafa-al-kadhimi", 5) }));
        Assert.That(facets.Entities["PER"][0].Label, Is.AnyOf("جو بايدن", "مصطفى الكاظمي"));
        Assert.That(facets.Entities["LOC"].Single(c => c.Value == "baghdad").Count, Is.EqualTo(5));
        Assert.That(facets.Entities["LOC"].Single(c => c.Value == "green-zone").Count, Is.EqualTo(3));
        Assert.That(facets.Entities["ORG"].Single(c => c.Value == "isis").Count, Is.EqualTo(2));
        Assert.That(facets.Sources.Select(c => (c.Value, c.Count)),
            Is.EquivalentTo(new[] { ("AFP", 1), ("Al Arabiya", 1), ("Sky News Arabia", 1), ("Youm7", 1), ("unknown", 1) }));
        Assert.That(facets.Months.Select(c => (c.Value, c.Count)), Is.EqualTo(new[] { ("2021-07", 2), ("2021-02", 3) }));
    }

    [Test]
    public void Facets_follow_the_query()
    {
        var results = Engine.Search(new SearchRequest { Entities = ["داعش"], Facets = true });
        Assert.That(results.Total, Is.EqualTo(2));
        Assert.That(results.Facets!.Sources.Select(c => c.Value), Is.EquivalentTo(new[] { "AFP", "Sky News Arabia" }));
        Assert.That(results.Facets.Months.Select(c => (c.Value, c.Count)), Is.EqualTo(new[] { ("2021-07", 1), ("2021-02", 1) }));
        Assert.That(results.Facets.Entities["ORG"].Single(c => c.Value == "isis").Count, Is.EqualTo(2));
    }

    [Test]
    public void Facets_limit_each_list()
    {
        var facets = Engine.Search(new SearchRequest { Facets = true, FacetLimit = 1 }).Facets!;
        Assert.That(facets.Entities.Values.Select(v => v.Count), Is.All.LessThanOrEqualTo(1));
        Assert.That(facets.Sources, Has.Count.EqualTo(1));
    }

    [Test]
    public void Facets_reject_a_zero_limit() =>
        Assert.That(() => Engine.Search(new SearchRequest { Facets = true, FacetLimit = 0 }), Throws.TypeOf<InvalidQueryException>());

    [Test]
    public void Facets_of_a_query_without_matches_are_empty()
    {
        var facets = Engine.Search(new SearchRequest { Phrase = "لا توجد هذه العبارة", Facets = true }).Facets!;
        Assert.That(facets.Sources, Is.Empty);
        Assert.That(facets.Months, Is.Empty);
        Assert.That(facets.Entities.Values.SelectMany(v => v), Is.Empty);
    }

    [Test]
    public void Facets_span_segments()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        foreach (var a in SeedCorpus.Articles)
        {
            engine.AddOrUpdate(a);
            engine.Commit(); // one segment per article: ordinals differ between segments
        }
        var facets = engine.Search(new SearchRequest { Facets = true }).Facets!;
        Assert.That(facets.Entities["PER"].Single(c => c.Value == "joe-biden").Count, Is.EqualTo(5));
        Assert.That(facets.Months.Sum(c => c.Count), Is.EqualTo(5));
    }
}
