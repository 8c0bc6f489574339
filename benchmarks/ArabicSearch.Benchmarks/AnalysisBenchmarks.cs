using ArabicSearch.Analysis;
using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// Analysis throughput over the same news text: our full chain (both indexed views, exact and stemmed) against
/// Lucene's stock ArabicAnalyzer (baseline) and StandardAnalyzer. Each benchmark returns the token count.
/// MB/s = corpus size / mean time; the corpus size is printed at setup.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private IReadOnlyList<string> _texts = [];
    private Analyzer _stock = null!, _standard = null!, _exact = null!, _stemmed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkCorpus.Texts(2_000);
        long chars = _texts.Sum(t => (long)t.Length);
        Console.WriteLine($"// analysis corpus: {_texts.Count} texts, {chars:N0} chars, {System.Text.Encoding.UTF8.GetByteCount(string.Concat(_texts)) / 1e6:0.00} MB UTF-8");
        _stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        _standard = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        _exact = new ArabicSearchAnalyzer(ArabicView.Exact);
        _stemmed = new ArabicSearchAnalyzer(ArabicView.Stemmed);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stock.Dispose(); _standard.Dispose(); _exact.Dispose(); _stemmed.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Lucene ArabicAnalyzer (stock)")]
    public long StockArabic() => Count(_stock);

    [Benchmark(Description = "Lucene StandardAnalyzer")]
    public long Standard() => Count(_standard);

    [Benchmark(Description = "ArabicSearch, both views (exact + stemmed)")]
    public long ArabicSearchBothViews() => Count(_exact) + Count(_stemmed);

    [Benchmark(Description = "ArabicSearch, stemmed view only")]
    public long ArabicSearchStemmed() => Count(_stemmed);

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
