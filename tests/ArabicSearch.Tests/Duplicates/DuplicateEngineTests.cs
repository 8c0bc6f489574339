using System.Text.RegularExpressions;

namespace ArabicSearch.Tests.Duplicates;

public class DuplicateEngineTests
{
    private ArabicSearchEngine _engine = null!;

    [OneTimeSetUp]
    public void Index() => _engine = SeedCorpus.InMemory();

    [OneTimeTearDown]
    public void Dispose() => _engine.Dispose();

    private static string Id(string prefix) => SeedCorpus.Articles.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal)).Id;

    private static string Groups(DuplicateReport report) =>
        string.Join(" | ", report.Groups.Select(g => string.Join(" ", g.Members.Select(m => m.Id[..3]).Order(StringComparer.Ordinal))));

    [TestCase(false)]
    [TestCase(true)] // checked on the stored text
    public void FindDuplicates_groups_exactly_000_and_001(bool exact)
    {
        var report = _engine.FindDuplicates(new DuplicateOptions { Exact = exact });
        Assert.That(Groups(report), Is.EqualTo("000 001"));
        Assert.That(report.Articles, Is.EqualTo(5));
        var pair = report.Groups.Single().Pairs.Single();
        Assert.That(pair.Relation, Is.EqualTo(ArticleRelation.NearDuplicate));
        Assert.That(pair.Exact, Is.EqualTo(exact));
        Assert.That(pair.Similarity, Is.InRange(DuplicateOptions.DefaultThreshold, 0.9), "001 adds a third to 000's text");
    }

    [Test]
    public void FindDuplicates_with_a_strict_threshold_finds_none() =>
        Assert.That(_engine.FindDuplicates(new DuplicateOptions { Threshold = 0.95 }).Groups, Is.Empty);

    [Test]
    public void FindDuplicates_related_groups_stories_by_day_and_vocabulary() =>
        // 000, 001 and 004: the 23 February call (004 is the White House readout); 002 and 003: the 29 July attack.
        Assert.That(Groups(_engine.FindDuplicates(new DuplicateOptions { Level = ArticleRelation.Related })), Is.EqualTo("000 001 004 | 002 003"));

    [TestCase(0.0)]
    [TestCase(1.5)]
    public void FindDuplicates_rejects_a_threshold_out_of_range(double threshold) =>
        Assert.That(() => _engine.FindDuplicates(new DuplicateOptions { Threshold = threshold }), Throws.ArgumentException);

    [Test]
    public void Diff_of_000_and_001_shows_exactly_the_bracketed_insertions()
    {
        var diff = _engine.Diff(Id("000"), Id("001"));
        var inserted = Regex.Matches(SeedCorpus.Articles.Single(a => a.Id == Id("001")).Body, @"\[[^\]]+\]").Select(m => m.Value).ToList();
        Assert.That(inserted, Has.Count.EqualTo(7));
        Assert.That(diff.Added, Is.EqualTo(inserted));
        Assert.That(diff.Dropped, Is.Empty);
        Assert.That(diff.Relation, Is.EqualTo(ArticleRelation.NearDuplicate));
    }

    [Test]
    public void Diff_the_other_way_shows_them_dropped()
    {
        var diff = _engine.Diff(Id("001"), Id("000"));
        Assert.That(diff.Dropped.Count(), Is.EqualTo(7));
        Assert.That(diff.Dropped, Has.All.StartsWith("[").And.EndsWith("]"));
        Assert.That(diff.Added, Is.Empty);
    }

    [TestCase("002", "003", ArticleRelation.Related)]       // the same July attack in different words
    [TestCase("000", "004", ArticleRelation.Related)]       // the same February call
    [TestCase("000", "001", ArticleRelation.NearDuplicate)]
    [TestCase("000", "002", ArticleRelation.Unrelated)]     // similar vocabulary, five months apart
    [TestCase("003", "004", ArticleRelation.Unrelated)]
    public void Diff_tells_the_relation(string first, string second, ArticleRelation expected) =>
        Assert.That(_engine.Diff(Id(first), Id(second)).Relation, Is.EqualTo(expected));

    [Test]
    public void Diff_of_an_unknown_id_says_so() =>
        Assert.That(() => _engine.Diff(Id("000"), "nope"), Throws.TypeOf<ArticleNotFoundException>().With.Message.Contains("nope"));

    [Test]
    public void Search_collapsed_shows_one_of_000_and_001_with_one_similar()
    {
        var plain = _engine.Search(new SearchRequest { Phrase = "خلايا الكاتيوشا" });
        Assert.That(SeedCorpus.Ids(plain), Is.EqualTo("000 001"));
        Assert.That(plain.Hits, Has.All.Property(nameof(SearchHit.SimilarCount)).EqualTo(0));

        var collapsed = _engine.Search(new SearchRequest { Phrase = "خلايا الكاتيوشا", CollapseDuplicates = true });
        var hit = collapsed.Hits.Single();
        Assert.That(hit.Id, Is.EqualTo(plain.Hits[0].Id), "the best-scoring copy leads");
        Assert.That(hit.SimilarIds, Is.EqualTo(new[] { plain.Hits[1].Id }));
        Assert.That(hit.SimilarCount, Is.EqualTo(1));
    }

    [Test]
    public void Search_collapsed_keeps_other_articles_and_pages_by_group()
    {
        var all = _engine.Search(new SearchRequest { Entities = ["الكاظمي"], CollapseDuplicates = true, Top = 10 });
        Assert.That(all.Hits, Has.Count.EqualTo(4));
        Assert.That(all.Hits.Sum(h => h.SimilarCount), Is.EqualTo(1));
        var second = _engine.Search(new SearchRequest { Entities = ["الكاظمي"], CollapseDuplicates = true, Skip = 1, Top = 3 });
        Assert.That(second.Hits.Select(h => h.Id), Is.EqualTo(all.Hits.Skip(1).Select(h => h.Id)));
    }
}
