namespace ArabicSearch.Tests.Querying;

/// <summary>
/// Issue 12, class 10: a root letter read as a proclitic must not outrank the direct reading. A word that may start
/// with a lone proclitic still matches through its guessed reading (<c>جنة</c> finds <c>لجنة</c>, <c>قال</c> finds
/// <c>وقال</c>), but an article with the word as written ranks above it, on every query path.
/// </summary>
public class ProcliticReadingTests
{
    private ArabicSearchEngine _engine = null!;

    // Same length and word count, so only the reading differs; the guessed one is indexed first, so a tie would put it first.
    private static readonly Article[] Articles =
    [
        new("committee", "وصف الكاتب لجنة خضراء واسعة في قصيدته الاخيرة"),
        new("paradise", "وصف الكاتب جنة خضراء واسعة في قصيدته الاخيرة"),
        new("and-said", "وقال الوزير ان الاتفاق سيوقع في العاصمة غدا"),
        new("said", "قال الوزير ان الاتفاق سيوقع في العاصمة غدا"),
        new("album", "سمع الصياد ألبوم الفرقة فوق الشجرة العالية ليلا"),
        new("owl", "رأى الصياد بوم الغابة فوق الشجرة العالية ليلا"),
    ];

    [OneTimeSetUp]
    public void Index()
    {
        _engine = ArabicSearchEngine.CreateInMemory();
        foreach (var a in Articles) _engine.AddOrUpdate(a);
        _engine.Commit();
    }

    [OneTimeTearDown]
    public void Close() => _engine.Dispose();

    private SearchResults Search(string text, QuerySyntax syntax = QuerySyntax.Text) =>
        _engine.Search(new SearchRequest { Text = text, Syntax = syntax, Top = 10 });

    [TestCase("جنة", "paradise", "committee")]        // ل of لجنة is a root letter
    [TestCase("قال", "said", "and-said")]             // و of وقال is a conjunction, yet the word as written ranks first
    [TestCase("لجنة", "committee", "paradise")]       // typed with the letter: the committee first
    public void Direct_reading_ranks_above_the_guessed_one(string query, string first, string second)
    {
        foreach (var syntax in new[] { QuerySyntax.Text, QuerySyntax.Plain, QuerySyntax.Lucene })
        {
            var hits = Search(query, syntax).Hits.Select(h => h.Id).ToList();
            Assert.That(hits, Does.Contain(first).And.Contain(second), $"{syntax}: both readings must match");
            Assert.That(hits.IndexOf(first), Is.LessThan(hits.IndexOf(second)), $"{syntax}: {string.Join(", ", hits)}");
        }
    }

    [Test]
    public void Hamza_alef_is_no_article_so_the_album_is_no_owl() =>
        Assert.That(Search("بوم").Hits.Select(h => h.Id), Is.EqualTo(new[] { "owl" }));

    [Test]
    public void A_guessed_match_is_marked()
    {
        var hit = Search("جنة").Hits.Single(h => h.Id == "committee");
        var body = Articles.Single(a => a.Id == "committee").Body;
        Assert.That(hit.Highlights.Select(s => body.Substring(s.Start, s.Length)), Does.Contain("لجنة"));
    }

    [Test]
    public void A_stemmed_phrase_meets_a_guessed_reading()
    {
        var r = _engine.Search(new SearchRequest { Phrase = "قال الوزير", PhraseMode = PhraseMode.Stemmed });
        Assert.That(r.Hits.Select(h => h.Id), Is.EquivalentTo(new[] { "said", "and-said" }));
    }

    [Test]
    public void Totals_count_guessed_matches() => Assert.That(Search("جنة").Total, Is.EqualTo(2));

    [Test]
    public void Weight_zero_leaves_guessed_readings_out()
    {
        using var engine = ArabicSearchEngine.CreateInMemory(new ArabicSearchOptions { ProcliticReadingWeight = 0 });
        foreach (var a in Articles) engine.AddOrUpdate(a);
        engine.Commit();
        Assert.That(engine.Search(new SearchRequest { Text = "جنة" }).Hits.Select(h => h.Id), Is.EqualTo(new[] { "paradise" }));
    }

    // New-user trial: ببغداد had the loose key بغدد, the key of البغدادي (four letters: a loose match makes a hit),
    // while بغداد had غدد. A word with a proclitic now has the key of the word without it.
    [TestCase("ببغداد")]
    [TestCase("بغداد")]
    [TestCase("لبغداد")]
    public void Proclitic_on_baghdad_finds_baghdad_not_al_baghdadi(string query)
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(new Article("in-baghdad", "عقد الوزراء اجتماعهم ببغداد صباح امس"));
        engine.AddOrUpdate(new Article("baghdad", "وصل الوفد الى بغداد مساء امس"));
        engine.AddOrUpdate(new Article("al-baghdadi", "ظهر ابو بكر البغدادي في تسجيل مصور جديد"));
        engine.Commit();
        var hits = engine.Search(new SearchRequest { Text = query }).Hits.Select(h => h.Id);
        Assert.That(hits, Is.EquivalentTo(new[] { "in-baghdad", "baghdad" }));
    }

    [TestCase(-0.1f)]
    [TestCase(1.5f)]
    [TestCase(float.NaN)]
    public void Weight_out_of_range_is_refused(float weight) =>
        Assert.That(() => ArabicSearchEngine.CreateInMemory(new ArabicSearchOptions { ProcliticReadingWeight = weight }), Throws.ArgumentException);
}
