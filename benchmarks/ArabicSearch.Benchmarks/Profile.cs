using System.Diagnostics;
using ArabicSearch.Analysis;
using ArabicSearch.Entities;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- profile [ARTICLES]</c>: a quick stopwatch breakdown of where indexing time goes
/// (analysis per view, entity recognition, whole pipelines), to decide what to optimize before running the suite.
/// Each step runs twice and the second (warm) time is printed. Not a benchmark: one run, no statistics.
/// </summary>
public static class Profile
{
    public static int Run(string[] args)
    {
        int n = args.Length > 1 && int.TryParse(args[1], out var v) ? v : 5_000;
        var articles = BenchmarkCorpus.Sample(n);
        double mb = BenchmarkCorpus.Utf8Bytes(articles) / 1e6;
        Console.WriteLine($"{articles.Count:N0} articles, {mb:0.00} MB UTF-8 (headline + body)");

        using var stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        using var exact = new ArabicSearchAnalyzer(ArabicView.Exact);
        using var stemmed = new ArabicSearchAnalyzer(ArabicView.Stemmed);
        Time("analysis: stock ArabicAnalyzer", mb, () => Tokens(stock, articles));
        Time("analysis: ours, exact view", mb, () => Tokens(exact, articles));
        Time("analysis: ours, stemmed view", mb, () => Tokens(stemmed, articles));
        Time("entities: Recognize(title) + Recognize(body)", mb, () => articles.Sum(a => (long)EntityRecognizer.Default.Recognize(a.Title).Count + EntityRecognizer.Default.Recognize(a.Body).Count));
        foreach (int threads in new[] { 1, 2 })
        {
            Time($"indexing: stock pipeline, {threads} thread(s), commit", mb, () => WithFolder(dir =>
            {
                using var writer = StockPipeline.OpenWriter(dir, stock);
                StockPipeline.Split(articles, threads, a => StockPipeline.Add(writer, a));
                writer.Commit();
            }));
            Time($"indexing: ArabicSearchEngine, {threads} thread(s), commit", mb, () => WithFolder(dir =>
            {
                using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = dir });
                StockPipeline.Split(articles, threads, engine.AddOrUpdate);
                engine.Commit();
            }));
        }
        return 0;
    }

    private static void Time(string what, double mb, Func<long> work)
    {
        work();
        var sw = Stopwatch.StartNew();
        long result = work();
        sw.Stop();
        Console.WriteLine($"{what,-58} {sw.Elapsed.TotalMilliseconds,9:N0} ms {mb / sw.Elapsed.TotalSeconds,8:0.0} MB/s  ({result:N0})");
    }

    private static long Tokens(Analyzer analyzer, IReadOnlyList<Article> articles)
    {
        long n = 0;
        foreach (var a in articles)
        {
            foreach (var text in new[] { a.Title, a.Body })
            {
                using var ts = analyzer.GetTokenStream("body", text);
                ts.AddAttribute<ICharTermAttribute>();
                ts.Reset();
                while (ts.IncrementToken()) n++;
                ts.End();
            }
        }
        return n;
    }

    private static long WithFolder(Action<string> work)
    {
        var dir = Path.Combine(Path.GetTempPath(), "arabicsearch-bench", "profile-" + Guid.NewGuid().ToString("N"));
        try
        {
            work(dir);
            return StockPipeline.SizeOnDisk(dir);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
