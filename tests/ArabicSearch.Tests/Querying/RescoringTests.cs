using ArabicSearch.Entities;
using ArabicSearch.Indexing;
using ArabicSearch.Querying;
using ArabicSearch.Tests.Reliability;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace ArabicSearch.Tests.Querying;

/// <summary>
/// A relevance-ordered page is collected with the cheap first pass (the free text without its score-only loose-view
/// clauses) and rescored: it must list the same articles, with the same scores, as the full query, and count the same
/// total. The corpus is larger than the rescoring depth, so the first pass really cuts.
/// </summary>
public class RescoringTests
{
    private TempFolder _temp = null!;
    private ArabicSearchEngine _engine = null!;

    // Words that share short loose keys (سفر: travel, embassy, traveller, ambassador; حكم: government, ruling, wisdom)
    // and words that do not, so the score-only clauses move the ranking.
    private static readonly string[] Vocabulary =
    [
        "السفر", "السفارة", "المسافرين", "سفير", "الحكومة", "الحكم", "حكمة", "المحكمة", "العراق", "بغداد", "الوزير",
        "قال", "المطار", "الرحلات", "الاقتصاد", "النفط", "الأسعار", "الانتخابات", "البرلمان", "الأمن", "الحدود",
    ];

    [OneTimeSetUp]
    public void Index()
    {
        _temp = new TempFolder();
        _engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _temp.Combine("idx") });
        var random = new Random(12);
        for (int i = 0; i < 600; i++)
        {
            int length = random.Next(4, 40);
            var words = Enumerable.Range(0, length).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
            _engine.AddOrUpdate(new Article($"a{i:000}", string.Join(' ', words)) { Title = i % 3 == 0 ? Vocabulary[random.Next(Vocabulary.Length)] : "", Source = $"source{i % 4}" });
        }
        _engine.Commit();
    }

    [OneTimeTearDown]
    public void Close()
    {
        _engine.Dispose();
        _temp.Dispose();
    }

    [TestCase("السفر", 10)]
    [TestCase("السفر الحكومة", 10)]
    [TestCase("المسافرين في المطار", 25)]
    [TestCase("حكمة الوزير قال", 10)]
    [TestCase("الحكم -العراق", 40)]
    public void First_page_is_the_full_querys(string text, int top) => AssertFullQueryPage(text, top);

    // A first pass read only as deep as the page: articles the loose view lifts from below it must still be found
    // (the bound on what rescoring can add sends the search deeper, or to the full query).
    [TestCase("السفر", 10)]
    [TestCase("السفر الحكومة", 10)]
    [TestCase("المسافرين في المطار", 25)]
    [TestCase("الحكم -العراق", 40)]
    [TestCase("سفير الحكم", 3)]
    [TestCase("حكمة \"الوزير قال\"", 10)]
    public void A_shallow_first_pass_still_gives_the_full_querys_page(string text, int top)
    {
        var (min, factor) = (SearchExecutor.MinRescoreDepth, SearchExecutor.RescoreDepthFactor);
        try
        {
            (SearchExecutor.MinRescoreDepth, SearchExecutor.RescoreDepthFactor) = (1, 1);
            AssertFullQueryPage(text, top);
        }
        finally
        {
            (SearchExecutor.MinRescoreDepth, SearchExecutor.RescoreDepthFactor) = (min, factor);
        }
    }

    private void AssertFullQueryPage(string text, int top)
    {
        var request = new SearchRequest { Text = text, Top = top };
        var page = _engine.Search(request);

        using var reader = DirectoryReader.Open(new NIOFSDirectory(new DirectoryInfo(_temp.Combine("idx"))));
        var options = new ArabicSearchOptions();
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity(options.Bm25K1, options.Bm25B) };
        using var analyzer = new FieldAnalyzer();
        var translated = new QueryTranslator(analyzer, EntityRecognizer.Default, options).Translate(request, reader);
        Assert.That(translated.FirstPass, Is.Not.Null, "the query has score-only clauses, so it is rescored");
        var full = searcher.Search(translated.Query, top);
        Assume.That(full.TotalHits, Is.GreaterThan(SearchExecutor.MinRescoreDepth), "the corpus must be deeper than the first pass");

        Assert.That(page.Total, Is.EqualTo(full.TotalHits));
        Assert.That(page.Hits.Select(h => h.Id), Is.EqualTo(full.ScoreDocs.Select(sd => searcher.Doc(sd.Doc).Get(FieldNames.Id))));
        Assert.That(page.Hits.Select(h => h.Score), Is.EqualTo(full.ScoreDocs.Select(sd => sd.Score)).Within(1e-4f));
    }

    [Test]
    public void Cursor_pages_continue_the_rescored_order()
    {
        var first = _engine.Search(new SearchRequest { Text = "السفر الحكومة", Top = 20 });
        var second = _engine.Search(new SearchRequest { Text = "السفر الحكومة", Top = 20, After = first.NextCursor });
        var both = first.Hits.Concat(second.Hits).ToList();
        Assert.That(both.Select(h => h.Id), Is.Unique);
        Assert.That(both.Select(h => h.Score), Is.Ordered.Descending);
        var one = _engine.Search(new SearchRequest { Text = "السفر الحكومة", Top = 40 });
        Assert.That(both.Select(h => h.Id), Is.EqualTo(one.Hits.Select(h => h.Id)));
    }

    [Test]
    public void Facets_count_the_same_matches()
    {
        // Facets count the first pass's matches on a rescored request, the full query's on a date-ordered one.
        var rescored = _engine.Search(new SearchRequest { Text = "السفر الحكومة", Top = 5, Facets = true });
        var full = _engine.Search(new SearchRequest { Text = "السفر الحكومة", Top = 5, Facets = true, Sort = SearchSort.Newest });
        Assert.That(rescored.Total, Is.EqualTo(full.Total));
        Assert.That(rescored.Facets!.Sources.Sum(f => f.Count), Is.EqualTo(rescored.Total));
        Assert.That(rescored.Facets.Sources.Select(f => (f.Value, f.Count)), Is.EqualTo(full.Facets!.Sources.Select(f => (f.Value, f.Count))));
    }
}
