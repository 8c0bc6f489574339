using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// What a web tier or a CLI call pays before its first answer: open the prebuilt index of the whole corpus read-only
/// (31,525 articles; 2,000 in a smoke run) and run one free-text search, top 10. Ours: <see cref="ArabicSearchEngine.Open"/>
/// with <c>ReadOnly = true</c> (the default structural check, no full checksum read) and <see cref="ArabicSearchEngine.Search"/>.
/// Stock: <c>DirectoryReader.Open</c> over NIOFS and a classic-parser query. One operation = open, search, close;
/// the file cache is warm, as on a server that restarts.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class OpenBenchmarks
{
    private string _ours = "", _stock = "", _query = "";

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            if (!BenchRun.Small) AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10));
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        var articles = BenchmarkCorpus.Sample(BenchRun.Size(int.MaxValue, 2_000));
        (_ours, _stock) = QueryIndexes.Ensure(articles);
        _query = QueryWorkload.Draw(articles, 1).Phrases[0];
        Console.WriteLine($"// open benchmark: {articles.Count:N0} articles, query \"{_query}\"");
    }

    [Benchmark(Baseline = true, Description = "Stock: open reader + first search")]
    public int Stock()
    {
        using var reader = DirectoryReader.Open(new NIOFSDirectory(new DirectoryInfo(_stock)));
        var searcher = new IndexSearcher(reader) { Similarity = StockPipeline.Bm25 };
        using var analyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        var parser = new QueryParser(LuceneVersion.LUCENE_48, StockPipeline.Text, analyzer);
        var top = searcher.Search(parser.Parse(QueryParserBase.Escape(_query)), 10);
        foreach (var sd in top.ScoreDocs) searcher.Doc(sd.Doc);
        return top.TotalHits;
    }

    [Benchmark(Description = "ArabicSearch: open read-only + first search")]
    public int Ours()
    {
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _ours, ReadOnly = true });
        return engine.Search(new SearchRequest { Text = _query }).Total;
    }
}
