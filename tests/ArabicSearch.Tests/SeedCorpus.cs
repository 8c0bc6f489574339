using ArabicSearch.Ingestion;

namespace ArabicSearch.Tests;

/// <summary>The seed articles of corpus/seeds.jsonl; <see cref="InMemory"/> indexes them into a new engine (fixtures call it once per class).</summary>
internal static class SeedCorpus
{
    public static string Path => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "corpus", "seeds.jsonl");

    public static IReadOnlyList<Article> Articles { get; } = JsonLinesReader.Read(Path).Select(r => r.Article ?? throw new InvalidOperationException(r.Problem)).ToList();

    public static ArabicSearchEngine InMemory()
    {
        var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(Articles);
        engine.Commit();
        return engine;
    }

    /// <summary>The three-digit prefixes of the hits' ids, sorted, e.g. "000 001".</summary>
    public static string Ids(SearchResults results) => string.Join(" ", results.Hits.Select(h => h.Id[..3]).Order(StringComparer.Ordinal));
}
