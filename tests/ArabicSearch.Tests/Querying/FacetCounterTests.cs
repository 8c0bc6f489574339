using ArabicSearch.Entities;

namespace ArabicSearch.Tests.Querying;

/// <summary>
/// Entity facets count by global ordinal across segments (<c>EntityOrdinals</c>); they must equal a count made by hand
/// from the recognizer: each entity once per article, the top of each type by count, ties by id.
/// </summary>
public class FacetCounterTests
{
    private static readonly string[] Bodies =
    [
        "وصل الوفد إلى بغداد ثم إلى البصرة",
        "انفجار في بغداد وآخر في الموصل وبغداد تحت المطر",
        "زار الكاظمي بغداد والموصل",
        "الأمطار في البصرة والموصل",
        "اجتماع في طهران حول العراق",
        "الكاظمي في طهران",
    ];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(10)]
    public void Search_counts_entities_across_segments_as_a_hand_count(int limit)
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        for (int i = 0; i < Bodies.Length; i++)
        {
            engine.AddOrUpdate(new Article($"a{i}", Bodies[i]) { Source = i % 2 == 0 ? "وكالة" : "صحيفة" });
            if (i % 2 == 1) engine.Commit(); // three segments, each with its own ordinals
        }
        engine.Commit();
        var facets = engine.Search(new SearchRequest { Facets = true, FacetLimit = limit }).Facets!;

        var recognizer = EntityRecognizer.Default;
        var counts = Bodies.SelectMany(b => recognizer.Recognize(b).Select(m => m.Entity.Id).Distinct())
            .GroupBy(id => id).Select(g => (Id: g.Key, Count: g.Count())).ToList();
        foreach (var type in Enum.GetValues<EntityType>())
        {
            var expected = counts.Where(c => recognizer.Describe(c.Id)?.Type == type)
                .OrderByDescending(c => c.Count).ThenBy(c => c.Id, StringComparer.Ordinal).Take(limit)
                .Select(c => $"{c.Id}={c.Count}").ToList();
            var actual = facets.Entities[type.ToString()].Select(f => $"{f.Value}={f.Count}").ToList();
            Assert.That(actual, Is.EqualTo(expected), type.ToString());
        }
        Assert.That(facets.Entities["LOC"].Select(f => f.Count).FirstOrDefault(), Is.EqualTo(3), "بغداد in three articles, once each");
        Assert.That(facets.Sources.Select(f => f.Count), Is.EqualTo(new[] { 3, 3 }.Take(limit)), "two sources, three articles each");
    }

    [Test]
    public void Search_counts_only_the_matches()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        for (int i = 0; i < Bodies.Length; i++) engine.AddOrUpdate(new Article($"a{i}", Bodies[i]));
        engine.Commit();
        var facets = engine.Search(new SearchRequest { Text = "طهران", Facets = true }).Facets!;
        Assert.That(facets.Entities["LOC"].Max(f => f.Count), Is.EqualTo(2), "the two articles naming طهران");
        Assert.That(facets.Entities["PER"].Select(f => f.Count), Is.EqualTo(new[] { 1 }), "الكاظمي in one of them");
    }

    [Test]
    public void Search_counts_stay_right_after_add_update_delete_and_refresh()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string id, string body)
        {
            engine.AddOrUpdate(new Article(id, body));
            bodies[id] = body;
        }
        for (int i = 0; i < Bodies.Length; i++)
        {
            Put($"a{i}", Bodies[i]);
            if (i % 2 == 1) engine.Commit();
        }
        AssertHandCount(engine, bodies, "three segments");
        Put("a0", "زار الكاظمي طهران"); // update: a0 no longer names بغداد or البصرة
        engine.Delete("a1");
        bodies.Remove("a1");
        engine.Commit();
        AssertHandCount(engine, bodies, "after an update and a delete");
        Put("b1", "وصل الكاظمي إلى أربيل"); // a value no segment had
        AssertHandCount(engine, bodies, "an uncommitted add, seen by the next search");
        engine.Commit();
        engine.Refresh();
        AssertHandCount(engine, bodies, "after the commit");
    }

    [Test]
    public void Search_after_a_commit_reads_only_the_new_segments_entity_values()
    {
        var directory = new Lucene.Net.Store.RAMDirectory();
        using var engine = ArabicSearchEngine.Open(directory, new ArabicSearchOptions { CreateIfMissing = true });
        for (int i = 0; i < 4; i++)
        {
            engine.AddOrUpdate(new Article($"a{i}", Bodies[i]));
            engine.Commit(); // four segments
        }
        engine.Search(new SearchRequest { Facets = true });
        var table = ArabicSearch.Querying.EntityValueTable.For(directory, 0);
        int before = table.SegmentsMapped;
        Assert.That(before, Is.EqualTo(4));

        engine.AddOrUpdate(new Article("a4", Bodies[4]));
        engine.Commit();
        var facets = engine.Search(new SearchRequest { Facets = true }).Facets!;
        Assert.That(table.SegmentsMapped, Is.EqualTo(before + 1), "one new segment read; the four others reused");
        Assert.That(facets.Entities["LOC"].Single(f => f.Value == EntityRecognizer.Default.Resolve("طهران")!.Id).Count, Is.EqualTo(1));
    }

    /// <summary>Every entity's count over all articles, as the recognizer finds them in <paramref name="bodies"/>.</summary>
    private static void AssertHandCount(ArabicSearchEngine engine, Dictionary<string, string> bodies, string when)
    {
        var facets = engine.Search(new SearchRequest { Facets = true, FacetLimit = 1_000 }).Facets!;
        var recognizer = EntityRecognizer.Default;
        var counts = bodies.Values.SelectMany(b => recognizer.Recognize(b).Select(m => m.Entity.Id).Distinct())
            .GroupBy(id => id).Select(g => (Id: g.Key, Count: g.Count())).ToList();
        foreach (var type in Enum.GetValues<EntityType>())
        {
            var expected = counts.Where(c => recognizer.Describe(c.Id)?.Type == type)
                .OrderByDescending(c => c.Count).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => $"{c.Id}={c.Count}").ToList();
            var actual = facets.Entities[type.ToString()].Select(f => $"{f.Value}={f.Count}").ToList();
            Assert.That(actual, Is.EqualTo(expected), $"{type}, {when}");
        }
    }
}
