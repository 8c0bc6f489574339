using ArabicSearch.Analysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// Analysis throughput over the same news text (the bodies of 2,000 articles spread over the corpus): our full chain
/// (every view we index: exact, stemmed and loose, from one analysis pass per text as indexing does) against Lucene's
/// stock ArabicAnalyzer (baseline) and StandardAnalyzer. Each benchmark returns the token count.
/// MB/s = UTF-8 bytes of the input text / mean; tokens/s = tokens emitted / mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class AnalysisBenchmarks
{
    private IReadOnlyList<string> _texts = [];
    private Analyzer _stock = null!, _standard = null!, _exact = null!, _stemmed = null!, _loose = null!;
    private readonly Dictionary<string, long> _tokens = [];

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // A fixed, modest iteration count: the machine is shared, and the default job can run 100 noisy iterations.
            if (!BenchRun.Small) AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
            AddColumn(
                new DerivedColumn("MB/s", "UTF-8 megabytes of input text analysed per second (10^6 bytes)", "0.0", (s, c) => DerivedColumn.Rate(s, c, "bytes", 1e6), 1),
                new DerivedColumn("Mtokens/s", "Millions of tokens emitted per second", "0.00", (s, c) => DerivedColumn.Rate(s, c, "tokens", 1e6), 2));
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkCorpus.Texts(BenchRun.Size(2_000, 200));
        long bytes = _texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"// analysis corpus: {_texts.Count:N0} bodies, {_texts.Sum(t => (long)t.Length):N0} chars, {bytes / 1e6:0.00} MB UTF-8");
        foreach (var m in new[] { nameof(StockArabic), nameof(Standard), nameof(ArabicSearchBothViews), nameof(ArabicSearchAllViews), nameof(ArabicSearchAllViewsSeparately), nameof(ArabicSearchStemmed) })
            BenchRun.Record(BenchRun.Key(nameof(AnalysisBenchmarks), m, "", "bytes"), bytes);
        _stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        _standard = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        _exact = new ArabicSearchAnalyzer(ArabicView.Exact);
        _stemmed = new ArabicSearchAnalyzer(ArabicView.Stemmed);
        _loose = new ArabicSearchAnalyzer(ArabicView.Loose);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (method, n) in _tokens) BenchRun.Record(BenchRun.Key(nameof(AnalysisBenchmarks), method, "", "tokens"), n);
        _stock.Dispose(); _standard.Dispose(); _exact.Dispose(); _stemmed.Dispose(); _loose.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Lucene ArabicAnalyzer (stock)")]
    public long StockArabic() => _tokens[nameof(StockArabic)] = Count(_stock);

    [Benchmark(Description = "Lucene StandardAnalyzer")]
    public long Standard() => _tokens[nameof(Standard)] = Count(_standard);

    [Benchmark(Description = "ArabicSearch, both views (exact + stemmed)")]
    public long ArabicSearchBothViews() => _tokens[nameof(ArabicSearchBothViews)] = Count(_exact) + Count(_stemmed);

    /// <summary>
    /// What indexing does since issue 16: one analysis pass per text (<see cref="AnalyzedText"/>), every view replayed
    /// from it. Until then this row analysed the text once per view, as <see cref="ArabicSearchAllViewsSeparately"/> still does.
    /// </summary>
    [Benchmark(Description = "ArabicSearch, every indexed view (exact + stemmed + loose)")]
    public long ArabicSearchAllViews()
    {
        long n = 0;
        foreach (var text in _texts)
        {
            var analyzed = AnalyzedText.Of(text);
            foreach (var view in Views)
            {
                using var ts = analyzed.Stream(view);
                var term = ts.AddAttribute<ICharTermAttribute>();
                ts.Reset();
                while (ts.IncrementToken()) n += term.Length > 0 ? 1 : 0;
                ts.End();
            }
        }
        return _tokens[nameof(ArabicSearchAllViews)] = n;
    }

    private static readonly ArabicView[] Views = [ArabicView.Exact, ArabicView.Stemmed, ArabicView.Loose];

    [Benchmark(Description = "ArabicSearch, every indexed view, one analysis per view (before issue 16)")]
    public long ArabicSearchAllViewsSeparately() => _tokens[nameof(ArabicSearchAllViewsSeparately)] = Count(_exact) + Count(_stemmed) + Count(_loose);

    [Benchmark(Description = "ArabicSearch, stemmed view only")]
    public long ArabicSearchStemmed() => _tokens[nameof(ArabicSearchStemmed)] = Count(_stemmed);

    private long Count(Analyzer analyzer)
    {
        long n = 0;
        foreach (var text in _texts)
        {
            using var ts = analyzer.GetTokenStream("body", text);
            var term = ts.AddAttribute<ICharTermAttribute>();
            ts.Reset();
            while (ts.IncrementToken()) n += term.Length > 0 ? 1 : 0;
            ts.End();
        }
        return n;
    }
}
