namespace ArabicSearch.Tests.Querying;

/// <summary>
/// Paging and facets over a corpus with score-only loose-view clauses (short keys shared by unrelated words): cursor
/// pages continue one page of the same size, and facets count the same matches whatever the order.
/// </summary>
public class PagingConsistencyTests
{
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
        _engine = ArabicSearchEngine.CreateInMemory();
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
    public void Close() => _engine.Dispose();

    [Test]
    public void Cursor_pages_continue_one_longer_page()
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
        var relevance = _engine.Search(new SearchRequest { Text = "السفر الحكومة", Top = 5, Facets = true });
        var full = _engine.Search(new SearchRequest { Text = "السفر الحكومة", Top = 5, Facets = true, Sort = SearchSort.Newest });
        Assert.That(relevance.Total, Is.EqualTo(full.Total));
        Assert.That(relevance.Facets!.Sources.Sum(f => f.Count), Is.EqualTo(relevance.Total));
        Assert.That(relevance.Facets.Sources.Select(f => (f.Value, f.Count)), Is.EqualTo(full.Facets!.Sources.Select(f => (f.Value, f.Count))));
    }
}
