using ArabicSearch.Querying;
using Lucene.Net.Index;

namespace ArabicSearch.Tests.Querying;

/// <summary>
/// Issue 11's last levers (docs/relevance.md): a word in an article's lead (its first words: the headline's, or the
/// body's when it has none) ranks the article higher without making it match; a word no article has in any view is
/// searched as its near spellings, with a notice, and the spelling found is marked.
/// </summary>
public class LeadAndNearSpellingTests
{
    // "lead" and "late" have the same words in another order (same length, same frequencies): only the position of
    // البركان differs. "late" is indexed first, so a tie would put it first.
    private static readonly Article[] Articles =
    [
        new("late", "قالت السلطات اليوم ان السكان غادروا القرية بعد ثوران البركان"),
        new("lead", "البركان ثار اليوم وقالت السلطات ان السكان غادروا القرية بعد"),
        new("titled-late", "اعلنت الحكومة خطة جديدة للنقل العام في المدينة بسبب الزلزال") { Title = "خطة جديدة للنقل العام" },
        new("titled-lead", "اعلنت الحكومة خطة جديدة للنقل العام في المدينة بسبب الزلزال") { Title = "الزلزال يدفع الى خطة جديدة" },
        new("cancer", "ارتفع عدد المصابين بالسرطان في العالم هذا العام حسب تقرير المنظمة"),
        new("cancer-2", "قال الطبيب ان علاج السرطان تقدم كثيرا في السنوات الاخيرة"),
        new("other", "افتتح الوزير معرضا للكتاب في العاصمة بحضور عدد من الكتاب"),
    ];

    private ArabicSearchEngine _engine = null!;

    /// <summary>An in-memory engine with <paramref name="articles"/> (default <see cref="Articles"/>) indexed and committed.</summary>
    private static ArabicSearchEngine Indexed(ArabicSearchOptions? options = null, params Article[] articles)
    {
        var engine = ArabicSearchEngine.CreateInMemory(options);
        foreach (var a in articles.Length > 0 ? articles : Articles) engine.AddOrUpdate(a);
        engine.Commit();
        return engine;
    }

    [OneTimeSetUp]
    public void Index() => _engine = Indexed();

    [OneTimeTearDown]
    public void Close() => _engine.Dispose();

    private static List<string> Ids(SearchResults r) => r.Hits.Select(h => h.Id).ToList();

    [Test]
    public void A_word_in_the_body_lead_ranks_an_untitled_article_higher()
    {
        var ids = Ids(_engine.Search(new SearchRequest { Text = "البركان" }));
        Assert.That(ids, Is.EqualTo(new[] { "lead", "late" }));
    }

    [Test]
    public void A_titled_article_leads_with_its_headline()
    {
        var ids = Ids(_engine.Search(new SearchRequest { Text = "الزلزال" }));
        Assert.That(ids, Is.EqualTo(new[] { "titled-lead", "titled-late" }));
    }

    [TestCase("   ")]
    [TestCase("« — »")]
    public void A_headline_without_words_leaves_the_lead_to_the_body(string title)
    {
        using var engine = Indexed(null,
            new Article("late", "قالت السلطات اليوم ان السكان غادروا القرية بعد ثوران البركان"),
            new Article("blank-headline", "البركان ثار اليوم وقالت السلطات ان السكان غادروا القرية بعد") { Title = title });
        Assert.That(Ids(engine.Search(new SearchRequest { Text = "البركان" })), Is.EqualTo(new[] { "blank-headline", "late" }));
    }

    [Test]
    public void Without_the_lead_the_two_tie_and_the_first_indexed_comes_first()
    {
        using var engine = Indexed(new ArabicSearchOptions { LeadWeight = 0 });
        var hits = engine.Search(new SearchRequest { Text = "البركان" }).Hits;
        Assert.That(hits.Select(h => h.Id), Is.EqualTo(new[] { "late", "lead" }));
        Assert.That(hits[0].Score, Is.EqualTo(hits[1].Score));
    }

    [TestCase("السلطات")]
    [TestCase("البركان الزلزال")]
    [TestCase("خطة السكان")]
    public void The_lead_never_makes_an_article_match(string text)
    {
        using var engine = Indexed(new ArabicSearchOptions { LeadWeight = 0 });
        var without = engine.Search(new SearchRequest { Text = text });
        var with = _engine.Search(new SearchRequest { Text = text });
        Assert.That(with.Total, Is.EqualTo(without.Total));
        Assert.That(Ids(with), Is.EquivalentTo(Ids(without)));
    }

    [Test]
    public void The_lead_reaches_the_second_word()
    {
        // السلطات is the second word of "late" and the fifth of "lead".
        Assert.That(Ids(_engine.Search(new SearchRequest { Text = "السلطات" })), Is.EqualTo(new[] { "lead", "late" }.Reverse()));
    }

    [Test]
    public void The_lead_holds_the_first_four_positions_of_the_stemmed_view()
    {
        var dir = Path.Combine(Path.GetTempPath(), "as-lead-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = dir }))
            {
                // في is a stopword: it holds the third position, so the lead is زار، الوزير، (في)، القاهرة: زار، وزير، قاهر
                engine.AddOrUpdate(new Article("a", "زار الوزير في القاهرة المعرض الدولي للكتاب"));
                engine.Commit();
            }
            using var reader = DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(dir));
            var terms = new List<string>();
            var e = MultiFields.GetTerms(reader, FieldNames.TextLead).GetEnumerator();
            while (e.MoveNext()) terms.Add(e.Term.Utf8ToString());
            Assert.That(terms.Where(t => !ArabicSearch.Analysis.ArabicWord.IsGuess(t)), Is.EquivalentTo(new[] { "زار", "وزير", "قاهر" }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void A_word_no_article_has_is_searched_as_its_correction()
    {
        var r = _engine.Search(new SearchRequest { Text = "بالصرطان" });
        Assert.That(Ids(r), Is.EquivalentTo(new[] { "cancer", "cancer-2" }));
        Assert.That(r.Notices, Has.One.EqualTo("No article has \"بالصرطان\"; articles with a near spelling of it were searched: بالسرطان."));
        Assert.That(r.Suggestions?.CorrectedText, Is.EqualTo("بالسرطان"), "the same correction as did you mean");
        var body = Articles.Single(a => a.Id == "cancer").Body;
        Assert.That(r.Hits[0].Highlights.Select(s => body.Substring(s.Start, s.Length)), Does.Contain("بالسرطان"));
    }

    [Test]
    public void A_word_some_article_has_is_not_widened()
    {
        // الكتاب is in "other"; الكتان (one letter away) must not pull in anything else, nor a notice.
        var r = _engine.Search(new SearchRequest { Text = "الكتاب" });
        Assert.That(Ids(r), Is.EqualTo(new[] { "other" }));
        Assert.That(r.Notices, Has.None.Contains("near spelling"));
    }

    [Test]
    public void Short_words_are_not_searched_by_near_spelling()
    {
        // عدد is in two articles; عدو (one edit away, three letters) is in none and stays without hits.
        var r = _engine.Search(new SearchRequest { Text = "عدو" });
        Assert.That(r.Total, Is.Zero);
    }

    [TestCase("الصرطان")]  // corrected to السرطان, searched as a word typed: بالسرطان matches too
    [TestCase("وبالصرطان")] // proclitics on the typo; nine letters, so two edits from بالسرطان are searched too
    public void A_typo_finds_the_other_forms_of_the_corrected_word(string typed)
    {
        var r = _engine.Search(new SearchRequest { Text = typed });
        Assert.That(Ids(r), Is.EquivalentTo(new[] { "cancer", "cancer-2" }));
    }

    [Test]
    public void A_typo_in_a_suffix_letter_is_corrected()
    {
        // The typo is the last letter, which the stemmer reads as part of the stem; the written word is one edit from بالسرطان.
        Assert.That(Ids(_engine.Search(new SearchRequest { Text = "بالسرطام" })), Is.EquivalentTo(new[] { "cancer", "cancer-2" }));
    }

    [Test]
    public void A_correction_that_is_a_common_word_is_left_out()
    {
        using var engine = Indexed(null, new Article("x", "وصلت الرسالة التي كتبها الوزير امس"));
        var r = engine.Search(new SearchRequest { Text = "التيي" });
        Assert.That(r.Total, Is.Zero, "التي is a stopword: the typo is not searched as it");
        Assert.That(r.Suggestions?.CorrectedText, Is.EqualTo("التي"));
    }

    [Test]
    public void A_short_word_two_edits_from_the_correction_is_only_suggested()
    {
        // الغاطمي (7 letters) is two edits from العالمي: a suggestion, not a search (a name the index lacks is not
        // turned into an unrelated word).
        using var engine = Indexed(null, new Article("x", "اعلن البنك العالمي خطة جديدة للتنمية"));
        var r = engine.Search(new SearchRequest { Text = "الغاطمي" });
        Assert.That(r.Total, Is.Zero);
        Assert.That(r.Suggestions?.CorrectedText, Is.EqualTo("العالمي"));
    }

    [Test]
    public void Near_spellings_are_off_at_weight_zero()
    {
        using var engine = Indexed(new ArabicSearchOptions { FuzzyWeight = 0 });
        Assert.That(engine.Search(new SearchRequest { Text = "بالصرطان" }).Total, Is.Zero);
    }

    [Test]
    public void At_most_four_words_a_query_are_searched_by_near_spelling()
    {
        // Six typos, each one edit from a word of the index.
        var r = _engine.Search(new SearchRequest { Text = "بالصرطان الصرطان البركام السلطاة الزلزاك المدينظ" });
        Assert.That(r.Notices.Count(n => n.Contains("a near spelling of it")), Is.EqualTo(FreeTextQueryBuilder.MaxFuzzyWords));
        Assert.That(r.Notices, Has.One.EqualTo($"Near spellings are searched for at most {FreeTextQueryBuilder.MaxFuzzyWords} words a query; not for: الزلزاك، المدينظ."));
        Assert.That(Ids(r), Does.Contain("cancer"));
    }

    [TestCase(-1f)]
    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    public void Bad_weights_are_refused(float weight)
    {
        Assert.That(() => ArabicSearchEngine.CreateInMemory(new ArabicSearchOptions { LeadWeight = weight }), Throws.ArgumentException.With.Message.Contains("LeadWeight"));
        Assert.That(() => ArabicSearchEngine.CreateInMemory(new ArabicSearchOptions { FuzzyWeight = weight }), Throws.ArgumentException.With.Message.Contains("FuzzyWeight"));
    }
}
