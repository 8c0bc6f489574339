namespace ArabicSearch.Tests.Querying;

/// <summary>
/// A person's name reaches every article that names the person (new-user trial on ANT: نتنياهو found 291 of the 541
/// articles on Netanyahu, the rest spell it نتانياهو; Netanyahu found all 541 but scored them alike).
/// </summary>
public class NameSpellingTests
{
    private static ArabicSearchEngine Engine()
    {
        var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(new Article("n1", "قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن الحكومة ستجتمع") { Title = "نتنياهو يدعو إلى اجتماع" });
        engine.AddOrUpdate(new Article("n2", "التقى نتنياهو وزير الخارجية الأمريكي في القدس"));
        engine.AddOrUpdate(new Article("n3", "انتقدت المعارضة نتنياهو بعد قرار الحكومة"));
        engine.AddOrUpdate(new Article("v1", "أعلن نتانياهو تأجيل الانتخابات، وقال نتانياهو إن القرار نهائي") { Title = "نتانياهو يؤجل الانتخابات" });
        engine.AddOrUpdate(new Article("v2", "في خبر طويل عن الاقتصاد والطاقة والزراعة والنقل والسياحة ورد اسم نتانياهو مرة واحدة في آخره"));
        engine.AddOrUpdate(new Article("x", "خبر عن الطقس في عمان"));
        engine.Commit();
        return engine;
    }

    [Test]
    public void The_usual_spelling_also_finds_the_articles_that_spell_the_name_otherwise()
    {
        using var engine = Engine();
        var r = engine.Search(new SearchRequest { Text = "نتنياهو", Top = 10 });
        Assert.That(r.Hits.Select(h => h.Id), Is.EquivalentTo(new[] { "n1", "n2", "n3", "v1", "v2" }));
        Assert.That(r.Notices, Has.Some.Contains("also searched as"));
        Assert.That(r.Hits.Take(3).Select(h => h.Id), Has.No.Member("v2"), "the spelling typed still ranks first");
    }

    [Test]
    public void A_latin_name_ranks_by_how_the_articles_name_it_in_arabic()
    {
        using var engine = Engine();
        var hits = engine.Search(new SearchRequest { Text = "Netanyahu", Top = 10 }).Hits;
        Assert.That(hits.Select(h => h.Id), Is.EquivalentTo(new[] { "n1", "n2", "n3", "v1", "v2" }));
        Assert.That(hits.Select(h => h.Score).Distinct().Count(), Is.GreaterThan(1), "not every article scored alike");
        Assert.That(hits[0].Id, Is.AnyOf("n1", "v1"), "a headline naming him twice ranks first");
        Assert.That(hits[0].TitleHighlights, Is.Not.Empty);
        Assert.That(hits.Take(2).Select(h => h.Id), Has.No.Member("v2"), "one mention at the end of a long article ranks below the headlines");
    }

    [TestCase("-نتنياهو")]
    [TestCase("-Netanyahu")]
    public void Excluding_a_name_excludes_every_spelling_the_name_finds(string exclusion)
    {
        using var engine = Engine();
        var r = engine.Search(new SearchRequest { Text = "الطقس الحكومة " + exclusion + " الانتخابات", Top = 10 });
        Assert.That(r.Hits.Select(h => h.Id), Is.EqualTo(new[] { "x" }), "neither the نتنياهو nor the نتانياهو articles (n1, n3, v1 have الحكومة or الانتخابات)");
        Assert.That(r.Notices, Has.Some.Contains("also left out"));
    }

    [Test]
    public void A_cursor_made_on_a_bigger_index_is_an_invalid_query_not_a_crash()
    {
        using var big = ArabicSearchEngine.CreateInMemory();
        big.AddOrUpdate(Enumerable.Range(0, 30).Select(i => new Article($"b{i}", $"خبر رقم {i} عن نتنياهو")));
        big.Commit();
        string? cursor = big.Search(new SearchRequest { Text = "نتنياهو", Top = 25 }).NextCursor;
        Assert.That(cursor, Is.Not.Null);
        using var small = Engine();
        Assert.That(() => small.Search(new SearchRequest { Text = "نتنياهو", Top = 2, After = cursor }),
            Throws.TypeOf<InvalidQueryException>().With.Message.Contains("another index"));
    }
}
