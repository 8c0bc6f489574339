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
}
