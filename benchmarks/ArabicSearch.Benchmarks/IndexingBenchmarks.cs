using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Util;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// Indexing throughput, commit included, into a fresh on-disk (NIOFS) index per operation: 5,000 articles spread over
/// the corpus (200 in a smoke run). Ours is the full pipeline through the public API (<see cref="ArabicSearchEngine"/>:
/// every view, entities, dates; AddOrUpdate each article, then Commit); the baseline is <see cref="StockPipeline"/>.
/// With 2 threads the articles are split in two halves added concurrently to the one engine (or writer).
/// Each benchmark returns the index size on disk, which the Size columns also show.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class IndexingBenchmarks
{
    private IReadOnlyList<Article> _articles = [];
    private ArabicAnalyzer _stock = null!;
    private string _root = "";
    private string _dir = "";
    private string? _lastMethod;
    private long _lastSize;

    /// <summary>Threads adding articles at once.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Each operation builds a whole index: one invocation per iteration, one warm-up, five measured.
            // Not in a smoke run, where --job Dry alone must apply.
            if (!BenchRun.Small)
                AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(
                new DerivedColumn("docs/s", "Articles indexed per second, commit included", "N0", (s, c) => DerivedColumn.Rate(s, c, "docs"), 1),
                new DerivedColumn("MB/s", "UTF-8 megabytes of headline + body indexed per second (10^6 bytes)", "0.0", (s, c) => DerivedColumn.Rate(s, c, "bytes", 1e6), 2),
                new DerivedColumn("Size MB", "Index size on disk after commit (10^6 bytes)", "0.0", (s, c) => DerivedColumn.Fact(c, "size") / 1e6, 3),
                new DerivedColumn("Size/stock", "Index size relative to the stock pipeline's", "0.00", (s, c) => DerivedColumn.Fact(c, "size") / DerivedColumn.BaselineFact(s, c, "size"), 4));
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _articles = BenchmarkCorpus.Sample(BenchRun.Size(5_000, 200));
        long bytes = BenchmarkCorpus.Utf8Bytes(_articles);
        Console.WriteLine($"// indexing subset: {_articles.Count:N0} articles spread over the corpus, {bytes / 1e6:0.00} MB UTF-8 (headline + body)");
        foreach (var m in new[] { nameof(Stock), nameof(ArabicSearch) })
        {
            BenchRun.Record(Key(m, "docs"), _articles.Count);
            BenchRun.Record(Key(m, "bytes"), bytes);
        }
        _stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        _root = Path.Combine(Path.GetTempPath(), "arabicsearch-bench", $"indexing-{Environment.ProcessId}");
        Directory.CreateDirectory(_root);
    }

    [IterationSetup]
    public void NewFolder() => _dir = Path.Combine(_root, Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void DeleteFolder()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_lastMethod is not null)
        {
            BenchRun.Record(Key(_lastMethod, "size"), _lastSize);
            Console.WriteLine($"// index size on disk ({_lastMethod}, {Threads} thread(s), {_articles.Count:N0} articles): {_lastSize / 1e6:0.00} MB");
        }
        _stock.Dispose();
        if (Directory.Exists(_root)) Directory.Delete(_root, true);
    }

    [Benchmark(Baseline = true, Description = "Stock: IndexWriter + ArabicAnalyzer")]
    public long Stock()
    {
        using (var writer = StockPipeline.OpenWriter(_dir, _stock))
        {
            StockPipeline.Split(_articles, Threads, a => StockPipeline.Add(writer, a));
            writer.Commit();
        }
        return Done(nameof(Stock));
    }

    [Benchmark(Description = "ArabicSearch: engine, all views + entities + dates")]
    public long ArabicSearch()
    {
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir }))
        {
            StockPipeline.Split(_articles, Threads, engine.AddOrUpdate);
            engine.Commit();
        }
        return Done(nameof(ArabicSearch));
    }

    private long Done(string method)
    {
        _lastMethod = method;
        _lastSize = StockPipeline.SizeOnDisk(_dir);
        return _lastSize;
    }

    private string Key(string method, string fact) => BenchRun.Key(nameof(IndexingBenchmarks), method, $"Threads={Threads}", fact);
}
