using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// Query latency and throughput on prebuilt indexes of the whole corpus (31,525 articles; 2,000 in a smoke run):
/// ours through <see cref="ArabicSearchEngine.Search"/> (top 10 hits with stored fields, snippet, highlights and
/// entities), and the stock pipeline's (classic QueryParser over <c>text</c> with ArabicAnalyzer, top 10 hits with their
/// stored id, headline and body loaded). One operation is one query; each benchmark walks a fixed list of 64 queries
/// drawn from the corpus (see <see cref="QueryWorkload"/>), so the mean is over all of them.
/// p50 and p95 come from timing every call with a stopwatch (the last 50,000 calls of the process, warm-up included).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class QueryBenchmarks
{
    private const int Queries = 64;
    private QueryWorkload _work = null!;
    private ArabicSearchEngine _engine = null!;
    private DirectoryReader _stockReader = null!;
    private IndexSearcher _stockSearcher = null!;
    private ArabicAnalyzer _stockAnalyzer = null!;
    private int _next;
    private string[] _prefixes = [];
    private readonly long[] _samples = new long[50_000];
    private long _sampleCount;
    private string? _method;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            if (!BenchRun.Small) AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
            AddColumn(
                new DerivedColumn("q/s", "Queries per second on one thread (1 / mean)", "N0", (s, c) => DerivedColumn.MeanSeconds(s, c) is { } m and > 0 ? 1 / m : null, 1),
                new DerivedColumn("p50 ms", "Median latency of single queries (stopwatch around every call)", "0.000", (s, c) => DerivedColumn.Fact(c, "p50ms"), 2),
                new DerivedColumn("p95 ms", "95th percentile latency of single queries", "0.000", (s, c) => DerivedColumn.Fact(c, "p95ms"), 3));
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        var articles = BenchmarkCorpus.Sample(BenchRun.Size(int.MaxValue, 2_000));
        Console.WriteLine($"// query index: {articles.Count:N0} articles");
        var (ours, stock) = QueryIndexes.Ensure(articles);
        _work = QueryWorkload.Draw(articles, Queries);
        Console.WriteLine($"// queries: {_work.Phrases.Count} phrases, {_work.Entities.Count} entities, {_work.Ranges.Count} date ranges, {_work.Combined.Count} combined; e.g. \"{_work.Phrases[0]}\"");
        _engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = ours, ReadOnly = true });
        // What a user has typed when autocomplete is asked: the first three letters of a word of each query, or four when it starts with the article ال.
        _prefixes = _work.Phrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]).Select(w => w[..Math.Min(w.Length, w.StartsWith("ال", StringComparison.Ordinal) ? 4 : 3)]).ToArray();
        _stockReader = DirectoryReader.Open(new NIOFSDirectory(new DirectoryInfo(stock)));
        _stockSearcher = new IndexSearcher(_stockReader) { Similarity = StockPipeline.Bm25 };
        _stockAnalyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        if (_engine.Search(new SearchRequest { Text = _work.Phrases[0], Syntax = QuerySyntax.Plain, Facets = true }).Facets is null)
            Console.WriteLine("// NOTE: this build does not compute facets (SearchRequest.Facets is ignored): the Facets benchmark measures a plain free-text search");
        ReportHits();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_method is not null && _sampleCount > 0)
        {
            int n = (int)Math.Min(_sampleCount, _samples.Length);
            var sorted = _samples[..n];
            Array.Sort(sorted);
            double Ms(double q) => sorted[Math.Min(n - 1, (int)(q * n))] * 1000.0 / Stopwatch.Frequency;
            string parameters = "";
            BenchRun.Record(BenchRun.Key(nameof(QueryBenchmarks), _method, parameters, "p50ms"), Ms(0.50));
            BenchRun.Record(BenchRun.Key(nameof(QueryBenchmarks), _method, parameters, "p95ms"), Ms(0.95));
            Console.WriteLine($"// {_method}: {n:N0} timed calls, p50 {Ms(0.50):0.000} ms, p95 {Ms(0.95):0.000} ms, p99 {Ms(0.99):0.000} ms");
        }
        _engine.Dispose();
        _stockReader.Dispose();
        _stockAnalyzer.Dispose();
    }

    // ---- free text: the same word pairs, ORed ----

    [Benchmark(Baseline = true, Description = "Stock: free text")]
    [BenchmarkCategory("FreeText")]
    public int StockFreeText()
    {
        long t = Stopwatch.GetTimestamp();
        var r = StockSearch(QueryParserBase.Escape(Next(_work.Phrases)));
        return Done(nameof(StockFreeText), t, r);
    }

    [Benchmark(Description = "ArabicSearch: free text")]
    [BenchmarkCategory("FreeText")]
    public SearchResults FreeText()
    {
        long t = Stopwatch.GetTimestamp();
        var r = _engine.Search(new SearchRequest { Text = Next(_work.Phrases), Syntax = QuerySyntax.Plain });
        return Done(nameof(FreeText), t, r);
    }

    [Benchmark(Description = "ArabicSearch: free text + facets")]
    [BenchmarkCategory("FreeText")]
    public SearchResults Facets()
    {
        long t = Stopwatch.GetTimestamp();
        var r = _engine.Search(new SearchRequest { Text = Next(_work.Phrases), Syntax = QuerySyntax.Plain, Facets = true });
        return Done(nameof(Facets), t, r);
    }

    // ---- phrases: the same word pairs, quoted ----

    [Benchmark(Baseline = true, Description = "Stock: phrase")]
    [BenchmarkCategory("Phrase")]
    public int StockPhrase()
    {
        long t = Stopwatch.GetTimestamp();
        var r = StockSearch("\"" + QueryParserBase.Escape(Next(_work.Phrases)) + "\"");
        return Done(nameof(StockPhrase), t, r);
    }

    [Benchmark(Description = "ArabicSearch: exact phrase")]
    [BenchmarkCategory("Phrase")]
    public SearchResults ExactPhrase()
    {
        long t = Stopwatch.GetTimestamp();
        var r = _engine.Search(new SearchRequest { Phrase = Next(_work.Phrases), PhraseMode = PhraseMode.Exact });
        return Done(nameof(ExactPhrase), t, r);
    }

    [Benchmark(Description = "ArabicSearch: stemmed phrase")]
    [BenchmarkCategory("Phrase")]
    public SearchResults StemmedPhrase()
    {
        long t = Stopwatch.GetTimestamp();
        var r = _engine.Search(new SearchRequest { Phrase = Next(_work.Phrases), PhraseMode = PhraseMode.Stemmed });
        return Done(nameof(StemmedPhrase), t, r);
    }

    // ---- what stock Lucene has no counterpart for ----

    [Benchmark(Description = "ArabicSearch: entity")]
    [BenchmarkCategory("Structured")]
    public SearchResults Entity()
    {
        long t = Stopwatch.GetTimestamp();
        var r = _engine.Search(new SearchRequest { Entities = [Next(_work.Entities)] });
        return Done(nameof(Entity), t, r);
    }

    [Benchmark(Description = "ArabicSearch: date range (7 days)")]
    [BenchmarkCategory("Structured")]
    public SearchResults DateRange()
    {
        long t = Stopwatch.GetTimestamp();
        var (from, to) = Next(_work.Ranges);
        var r = _engine.Search(new SearchRequest { From = from, To = to });
        return Done(nameof(DateRange), t, r);
    }

    [Benchmark(Description = "ArabicSearch: phrase + entity + date")]
    [BenchmarkCategory("Structured")]
    public SearchResults PhraseEntityDate()
    {
        long t = Stopwatch.GetTimestamp();
        var q = Next(_work.Combined);
        var r = _engine.Search(new SearchRequest { Phrase = q.Phrase, Entities = [q.Entity], From = q.From, To = q.To });
        return Done(nameof(PhraseEntityDate), t, r);
    }

    // ---- autocomplete: headline words, phrases and entity names by prefix (issue #17: under 5 ms p50) ----

    [Benchmark(Description = "ArabicSearch: suggest (prefix, top 10)")]
    [BenchmarkCategory("Suggest")]
    public IReadOnlyList<Completion> Suggest()
    {
        long t = Stopwatch.GetTimestamp();
        var r = _engine.Suggest(Next(_prefixes), 10);
        return Done(nameof(Suggest), t, r);
    }

    /// <summary>What a stock Lucene.Net search page does: parse, top 10, load each hit's stored id, headline and body.</summary>
    private int StockSearch(string query)
    {
        var parser = new QueryParser(LuceneVersion.LUCENE_48, StockPipeline.Text, _stockAnalyzer) { DefaultOperator = Operator.OR };
        var top = _stockSearcher.Search(parser.Parse(query), 10);
        int chars = 0;
        foreach (var sd in top.ScoreDocs)
        {
            var doc = _stockSearcher.Doc(sd.Doc);
            chars += (doc.Get("id")?.Length ?? 0) + (doc.Get("title")?.Length ?? 0) + (doc.Get("body")?.Length ?? 0);
        }
        return top.TotalHits + chars;
    }

    private T Next<T>(IReadOnlyList<T> list) => list[_next++ % list.Count];

    private T Done<T>(string method, long started, T result)
    {
        _samples[_sampleCount++ % _samples.Length] = Stopwatch.GetTimestamp() - started;
        _method = method;
        return result;
    }

    /// <summary>Prints how many hits the query lists get, so a run shows the queries are not empty.</summary>
    private void ReportHits()
    {
        double Avg(Func<int, int> total, int n) => Enumerable.Range(0, n).Average(total);
        int n = Math.Min(16, _work.Phrases.Count);
        Console.WriteLine($"// mean hits over {n} queries: free text {Avg(i => _engine.Search(new SearchRequest { Text = _work.Phrases[i], Syntax = QuerySyntax.Plain }).Total, n):N0}, "
            + $"exact phrase {Avg(i => _engine.Search(new SearchRequest { Phrase = _work.Phrases[i] }).Total, n):N1}, "
            + $"entity {Avg(i => _engine.Search(new SearchRequest { Entities = [_work.Entities[i % _work.Entities.Count]] }).Total, n):N0}, "
            + $"combined {(_work.Combined.Count == 0 ? 0 : Avg(i => _engine.Search(new SearchRequest { Phrase = _work.Combined[i % _work.Combined.Count].Phrase, Entities = [_work.Combined[i % _work.Combined.Count].Entity], From = _work.Combined[i % _work.Combined.Count].From, To = _work.Combined[i % _work.Combined.Count].To }).Total, n)):N1}");
    }
}
