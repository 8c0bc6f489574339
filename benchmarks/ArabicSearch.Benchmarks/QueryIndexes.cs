using System.Diagnostics;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Util;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// The two prebuilt indexes the query benchmarks search: ours (through <see cref="ArabicSearchEngine"/>) and the
/// stock pipeline's, over the same articles. They are cached under the temp folder, keyed by the article count and
/// the build of the ArabicSearch library (its module version id, which a deterministic build changes only when the
/// code changes), so each benchmark process does not rebuild them. <c>ARABICSEARCH_QUERY_INDEXES=DIR</c> names a
/// folder with <c>ours</c> and <c>stock</c> built earlier, to measure query-side changes that leave the index layout as
/// it is without rebuilding (and without removing another build's cached indexes).
/// </summary>
public static class QueryIndexes
{
    /// <summary>Builds the indexes when no cached copy exists and returns their folders.</summary>
    public static (string Ours, string Stock) Ensure(IReadOnlyList<Article> articles)
    {
        if (Environment.GetEnvironmentVariable("ARABICSEARCH_QUERY_INDEXES") is { Length: > 0 } pinned)
        {
            Console.WriteLine($"// query indexes: pinned at {pinned} (ARABICSEARCH_QUERY_INDEXES)");
            return (Path.Combine(pinned, "ours"), Path.Combine(pinned, "stock"));
        }
        var build = typeof(ArabicSearchEngine).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var root = Path.Combine(Path.GetTempPath(), "arabicsearch-bench", $"query-index-{articles.Count}-{build}");
        var ours = Path.Combine(root, "ours");
        var stock = Path.Combine(root, "stock");
        var done = Path.Combine(root, "complete");
        if (File.Exists(done))
        {
            Console.WriteLine($"// query indexes: cached at {root}");
            return (ours, stock);
        }
        // Indexes of the same articles built by an older library are stale: remove them (about 190 MB each in full).
        foreach (var stale in Directory.Exists(Path.GetDirectoryName(root)) ? Directory.GetDirectories(Path.GetDirectoryName(root)!, $"query-index-{articles.Count}-*") : [])
            Directory.Delete(stale, true);
        Directory.CreateDirectory(root);
        var sw = Stopwatch.StartNew();
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = ours }))
        {
            StockPipeline.Split(articles, 2, engine.AddOrUpdate);
            engine.Commit();
        }
        Console.WriteLine($"// query indexes: ours built in {sw.Elapsed.TotalSeconds:0.0} s, {StockPipeline.SizeOnDisk(ours) / 1e6:0.0} MB");
        sw.Restart();
        using (var analyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48))
        using (var writer = StockPipeline.OpenWriter(stock, analyzer))
        {
            StockPipeline.Split(articles, 2, a => StockPipeline.Add(writer, a));
            writer.Commit();
        }
        Console.WriteLine($"// query indexes: stock built in {sw.Elapsed.TotalSeconds:0.0} s, {StockPipeline.SizeOnDisk(stock) / 1e6:0.0} MB");
        File.WriteAllText(done, DateTime.UtcNow.ToString("O"));
        return (ours, stock);
    }
}
