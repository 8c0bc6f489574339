using ArabicSearch.Indexing;
using ArabicSearch.Querying;

namespace ArabicSearch.Tests.Querying;

/// <summary>The default syntax is a search box's: what people type or paste is answered, and punctuation never changes the answer.</summary>
public class SearchBoxTests : SeedEngineFixture
{
    private SearchResults Text(string text, QuerySyntax syntax = QuerySyntax.Text) =>
        Engine.Search(new SearchRequest { Text = text, Syntax = syntax, Top = 50 });

    private static string Ranked(SearchResults r) => string.Join(" ", r.Hits.Select(h => $"{h.Id[..3]}:{h.Score:0.0000}"));

    // issue #11's inputs, each beside the same words typed plainly: same articles, same order, same scores
    [TestCase("عاجل: ترامب", "عاجل ترامب")]              // headline colon, read as a field by Lucene syntax
    [TestCase("ترامب: الصين", "ترامب الصين")]
    [TestCase("كيم!", "كيم")]                            // a bang threw in Lucene syntax
    [TestCase("\"خلايا الكاتيوشا", "خلايا الكاتيوشا")]  // unbalanced quote
    [TestCase("الهجمات AND", "الهجمات")]                 // trailing AND threw
    [TestCase("(أميركي)", "أميركي")]                     // brackets sent text down another ranking path
    [TestCase("بغداد: كاتيوشا", "بغداد كاتيوشا")]
    [TestCase("الكاظمي:بايدن", "الكاظمي بايدن")]        // colon inside
    [TestCase("(الكاتيوشا)!", "الكاتيوشا")]
    [TestCase("بغداد، أربيل؟", "بغداد أربيل")]          // Arabic comma and question mark
    [TestCase("«الكاظمي» …", "الكاظمي")]                 // guillemets and an ellipsis
    [TestCase("الكاظمي OR بايدن", "الكاظمي بايدن")]     // OR is the default anyway
    public void Search_text_punctuation_ranks_like_the_plain_words(string typed, string plain) =>
        Assert.That(Ranked(Text(typed)), Is.EqualTo(Ranked(Text(plain))));

    [TestCase("الهجمات الصاروخية")]
    [TestCase("(أميركي)")]
    public void Search_text_has_hits_for_words_in_the_seeds(string typed) =>
        Assert.That(Text(typed).Total, Is.GreaterThan(0));

    [TestCase("بغداد AND (")]
    [TestCase("))((")]
    [TestCase(":")]
    [TestCase("\"")]
    [TestCase("OR")]
    [TestCase("-")]
    [TestCase("title:")]
    [TestCase("/ب.*/")]
    [TestCase("كاتيوشا~ ب* [ا TO ي]")]
    public void Search_text_never_fails(string typed) =>
        Assert.That(() => Text(typed), Throws.Nothing);

    [Test]
    public void Search_text_quoted_phrase_must_occur() =>
        Assert.That(SeedCorpus.Ids(Text("\"خلايا الكاتيوشا\"")), Is.EqualTo(Ids(new SearchRequest { Phrase = "خلايا الكاتيوشا" })));

    [Test]
    public void Search_text_minus_excludes_the_word()
    {
        var with = SeedCorpus.Ids(Text("بايدن فلسطين"));
        var without = SeedCorpus.Ids(Text("بايدن -فلسطين"));
        Assert.That(without, Is.EqualTo("000 001 003 004"));
        Assert.That(with.Split(' '), Is.SupersetOf(without.Split(' ')));
    }

    [Test]
    public void Search_text_only_exclusions_match_every_other_article() =>
        Assert.That(SeedCorpus.Ids(Text("-فلسطين")), Is.EqualTo("000 001 003 004"));

    [Test]
    public void Search_plain_takes_quotes_and_minus_as_text() =>
        Assert.That(Text("\"خلايا الكاتيوشا\"", QuerySyntax.Plain).Total, Is.GreaterThanOrEqualTo(Text("\"خلايا الكاتيوشا\"").Total));

    [TestCase("بغداد AND (")]
    [TestCase("/ب.*/")]
    public void Search_lucene_syntax_reports_errors(string text) =>
        Assert.That(() => Text(text, QuerySyntax.Lucene), Throws.TypeOf<InvalidQueryException>());

    [TestCase("إدار*")]    // hamza on the alef: the index folds it
    [TestCase("المؤتم*")]  // hamza on waw
    [TestCase("الكاظمى*")] // alef maqsura
    public void Search_lucene_wildcards_are_normalized_like_the_index(string pattern)
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(new Article("a", "قالت الإدارة الأميركية في المؤتمر الصحفي إن الكاظمي سيزور واشنطن والمستشفى."));
        engine.Commit();
        var r = engine.Search(new SearchRequest { Text = pattern, Syntax = QuerySyntax.Lucene });
        Assert.That(r.Total, Is.EqualTo(1));
        Assert.That(r.Notices, Has.Some.Contains("most frequent expansions"), "a capped expansion says so");
        Assert.That(r.Hits.Single().Highlights, Is.Not.Empty, "the expansion that matched is marked (new-user trial: wildcard hits had no marks)");
    }

    [TestCase("ترا?ب", "ترامب")]
    [TestCase("title:ترام*", "ترامب")]
    [TestCase("text_exact:ترام*", "ترامب")]
    public void Search_lucene_wildcard_hits_mark_the_words_they_matched(string pattern, string word)
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(new Article("a", "قال ترامب في مؤتمر صحفي إن المحادثات مستمرة") { Title = "ترامب يتحدث" });
        engine.Commit();
        var hit = engine.Search(new SearchRequest { Text = pattern, Syntax = QuerySyntax.Lucene }).Hits.Single();
        Assert.That(hit.TitleHighlights.Select(s => hit.Title.Substring(s.Start, s.Length)), Is.EqualTo(new[] { word }));
    }

    [Test]
    public void Search_lucene_without_wildcards_has_no_expansion_notice() =>
        Assert.That(Engine.Search(new SearchRequest { Text = "بغداد AND العراق", Syntax = QuerySyntax.Lucene }).Notices, Has.None.Contains("expansions"));
}

/// <summary>Stopwords that are names, counts that count real matches, and free text bounded on every path.</summary>
public class FreeTextTests
{
    private ArabicSearchEngine _engine = null!;

    [OneTimeSetUp]
    public void Index()
    {
        _engine = ArabicSearchEngine.CreateInMemory();
        _engine.AddOrUpdate(new Article("cannes", "افتتح مهرجان كان السينمائي دورته الجديدة بحضور نجوم عالميين."));
        _engine.AddOrUpdate(new Article("cairo", "افتتح مهرجان القاهرة السينمائي دورته وكان الحضور كبيرا."));
        _engine.AddOrUpdate(new Article("embassy", "أعلنت السفارة الأميركية في بغداد تعليق خدماتها القنصلية.") { Source = "wire" });
        _engine.AddOrUpdate(new Article("travel", "ارتفعت أسعار السفر إلى أوروبا هذا الصيف.") { Source = "wire" });
        _engine.AddOrUpdate(new Article("ali", "التقى علي الوردي بطلاب الجامعة.") { Title = "لقاء" });
        _engine.Commit();
    }

    [OneTimeTearDown]
    public void Dispose() => _engine.Dispose();

    private SearchResults Search(string text) => _engine.Search(new SearchRequest { Text = text, Top = 50 });
    private static string Ids(SearchResults r) => string.Join(" ", r.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));

    [Test]
    public void Search_phrase_keeps_its_stopword() =>
        Assert.That(Ids(Search("\"مهرجان كان\"")), Is.EqualTo("cannes"));

    [TestCase("كان", "cannes")]        // Cannes: searched as written, so وكان (and it was) is not a match
    [TestCase("علي", "ali")]           // a first name folded like the preposition على
    public void Search_only_stopwords_searches_them_as_written(string text, string expected)
    {
        var r = Search(text);
        Assert.That(Ids(r), Is.EqualTo(expected));
        Assert.That(r.Notices, Has.Some.Contains("only common words"));
    }

    [Test]
    public void Search_dropped_stopwords_are_listed_in_notices()
    {
        var r = Search("السفر إلى أوروبا");
        Assert.That(Ids(r), Is.EqualTo("travel"));
        Assert.That(r.Notices, Has.Some.Contains("إلى"));
    }

    // The loose view folds السفر and السفارة to one key; it may rank, never make an article match.
    [TestCase("السفر", "travel")]
    [TestCase("السفارة", "embassy")]
    public void Search_total_counts_strict_matches_only(string text, string expected)
    {
        var r = Search(text);
        Assert.That(Ids(r), Is.EqualTo(expected));
        Assert.That(r.Total, Is.EqualTo(1));
    }

    [Test]
    public void Search_long_loose_key_matches_spelling_variants()
    {
        var r = Search("أمريكي"); // the article writes الأميركية; both have the skeleton امرك
        Assert.That(Ids(r), Is.EqualTo("embassy"));
        Assert.That(r.Hits[0].Snippet, Does.Contain("<mark>الأميركية</mark>"), "the variant that made it match is marked");
    }

    [Test]
    public void Search_word_no_article_has_matches_its_variants_with_a_notice()
    {
        var r = Search("سفير"); // no article has it; its short loose key سفر is shared by السفر and السفارة
        Assert.That(Ids(r), Is.EqualTo("embassy travel"));
        Assert.That(r.Notices, Has.Some.Contains("spelling variants"));
    }

    [Test]
    public void Search_facets_count_what_total_counts()
    {
        var r = _engine.Search(new SearchRequest { Text = "السفر", Facets = true });
        Assert.That(r.Facets!.Sources.Single(s => s.Value == "wire").Count, Is.EqualTo(1)); // the embassy article is not counted
    }

    [TestCase(QuerySyntax.Text)]
    [TestCase(QuerySyntax.Plain)]
    [TestCase(QuerySyntax.Lucene)]
    public void Translate_folds_a_repeated_word_to_one_clause(QuerySyntax syntax)
    {
        using var analyzer = new FieldAnalyzer();
        var translator = new QueryTranslator(analyzer, ArabicSearch.Entities.EntityRecognizer.Default, new ArabicSearchOptions());
        long once = QueryBudget.Cost(translator.Translate(new SearchRequest { Text = "بغداد", Syntax = syntax }).Query);
        long many = QueryBudget.Cost(translator.Translate(new SearchRequest { Text = string.Join(" ", Enumerable.Repeat("بغداد", 1_000)), Syntax = syntax }).Query);
        Assert.That(many, Is.EqualTo(once));
    }
}
