namespace ArabicSearch.Tests.Highlighting;

/// <summary>A headline match is marked like a body match, so a hit that matched only in its headline still shows why.</summary>
public class TitleHighlightTests
{
    private static ArabicSearchEngine Engine()
    {
        var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(new Article("headline-only", "خبر قصير عن الطقس في المدينة") { Title = "اَلسِّفَارَةُ الأمـريكـية تغلق أبوابها" });
        engine.AddOrUpdate(new Article("body-only", "أغلقت السفارة أبوابها اليوم") { Title = "خبر عاجل" });
        engine.AddOrUpdate(new Article("untitled", "السفارة الأميركية في بغداد"));
        engine.Commit();
        return engine;
    }

    private static string[] Marked(SearchHit hit) => hit.TitleHighlights.Select(s => hit.Title.Substring(s.Start, s.Length)).ToArray();

    [Test]
    public void A_headline_only_match_marks_the_headline_words_as_written()
    {
        using var engine = Engine();
        var hit = engine.Search(new SearchRequest { Text = "السفارة الأمريكية" }).Hits.Single(h => h.Id == "headline-only");
        Assert.That(hit.Highlights, Is.Empty, "nothing in the body matched");
        Assert.That(Marked(hit), Is.EqualTo(new[] { "اَلسِّفَارَةُ", "الأمـريكـية" }), "diacritics, tatweel and the spelling variant are marked in the original headline");
    }

    [Test]
    public void A_headline_that_matched_nothing_has_no_marks()
    {
        using var engine = Engine();
        var hits = engine.Search(new SearchRequest { Text = "السفارة" }).Hits;
        Assert.That(hits.Single(h => h.Id == "body-only").TitleHighlights, Is.Empty);
        Assert.That(hits.Single(h => h.Id == "untitled").TitleHighlights, Is.Empty);
        Assert.That(hits.Single(h => h.Id == "untitled").Highlights, Is.Not.Empty);
    }

    [Test]
    public void Phrases_and_lucene_syntax_mark_the_headline_too()
    {
        using var engine = Engine();
        var phrase = engine.Search(new SearchRequest { Phrase = "تغلق أبوابها" }).Hits.Single();
        Assert.That(Marked(phrase), Is.EqualTo(new[] { "تغلق", "أبوابها" }));
        var lucene = engine.Search(new SearchRequest { Text = "title:السفارة", Syntax = QuerySyntax.Lucene }).Hits.Single();
        Assert.That(Marked(lucene), Is.EqualTo(new[] { "اَلسِّفَارَةُ" }));
    }

    [Test]
    public void A_short_loose_key_ranks_but_marks_nothing()
    {
        // قطار (a train) has the loose key قطر, three letters: a root that only adds to the score of articles that
        // match the word itself. It must not be marked as the match (new-user trial).
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(new Article("a", "وصل القطار إلى الدوحة عاصمة قطر") { Title = "قطار سريع في قطر" });
        engine.Commit();
        var hit = engine.Search(new SearchRequest { Text = "قطر" }).Hits.Single();
        Assert.That(Marked(hit), Is.EqualTo(new[] { "قطر" }));
        Assert.That(hit.Highlights.Select(s => "وصل القطار إلى الدوحة عاصمة قطر".Substring(s.Start, s.Length)), Is.EqualTo(new[] { "قطر" }));
    }

    [Test]
    public void Json_and_the_cli_carry_the_headline_marks()
    {
        using var engine = Engine();
        var results = engine.Search(new SearchRequest { Text = "السفارة الأمريكية" });
        var json = System.Text.Json.JsonSerializer.Serialize(ArabicSearch.Server.SearchJson.ToJson(results), ArabicSearch.Server.SearchJson.Options);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var hit = doc.RootElement.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "headline-only");
        var spans = hit.GetProperty("titleHighlights").EnumerateArray().Select(s => (s[0].GetInt32(), s[1].GetInt32())).ToArray();
        Assert.That(spans, Is.EqualTo(new[] { (0, 13), (14, 11) }));
    }
}
