using System.Diagnostics;
using ArabicSearch.Analysis;
using ArabicSearch.Entities;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- profile [ARTICLES] [engine|analysis|parts|ab|query|breakdown|loop|abq]</c>: a quick stopwatch
/// breakdown of where indexing time goes (analysis per view, entity recognition, whole pipelines), to decide what to
/// optimize before running the suite. <c>parts</c> times and counts the allocations of each piece of building a
/// document; <c>ab</c> runs the engine's writer set-up with the per-field mapper of before issue 16, with the shared
/// analysis pass, and the stock pipeline, interleaved, and prints their ratios.
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
        if (args.Length > 2 && args[2] == "query") return Queries(articles);
        if (args.Length > 3 && args[2] == "abq") return AbQueries.Run(articles, args[3], args.Length > 4 ? args[4] : "all", args.Length > 5 && int.TryParse(args[5], out var r) ? r : 15);
        if (args.Length > 2 && args[2] == "docs") return Docs(articles);
        if (args.Length > 2 && args[2] == "marks-check") return MarksCheck(articles);
        if (args.Length > 2 && args[2] == "vs-stock") return VsStock(articles, args.Length > 3 && int.TryParse(args[3], out var vr) ? vr : 15);
        if (args.Length > 2 && args[2] == "facets-refresh") return FacetsRefresh(articles);
        if (args.Length > 2 && args[2] == "parts-query") return QueryParts(articles, args.Length > 3 ? args[3] : "entity");
        if (args.Length > 2 && args[2] == "loop") return Loop(articles, args.Length > 3 ? args[3] : "entity", args.Length > 4 && double.TryParse(args[4], out var s) ? s : 20);
        if (args.Length > 2 && args[2] == "breakdown") return Breakdown(articles);
        if (args.Length > 2 && args[2] == "parts") return Parts(articles);
        if (args.Length > 2 && args[2] == "ab") return Ab(articles);
        if (args.Length > 2 && args[2] == "engine")
        {
            // For a profiler: only our pipeline, a few times over.
            for (int i = 0; i < 3; i++)
                Time("indexing: ArabicSearchEngine, 1 thread, commit", mb, () => WithFolder(dir =>
                {
                    using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = dir });
                    StockPipeline.Split(articles, 1, engine.AddOrUpdate);
                    engine.Commit();
                }));
            return 0;
        }
        using var exact = new ArabicSearchAnalyzer(ArabicView.Exact);
        using var stemmed = new ArabicSearchAnalyzer(ArabicView.Stemmed);
        using var loose = new ArabicSearchAnalyzer(ArabicView.Loose);
        if (args.Length > 2 && args[2] == "analysis")
        {
            for (int i = 0; i < 5; i++)
            {
                Time("analysis: stock ArabicAnalyzer", mb, () => Tokens(stock, articles));
                Time("analysis: ours, exact view", mb, () => Tokens(exact, articles));
                Time("analysis: ours, stemmed view", mb, () => Tokens(stemmed, articles));
                Time("analysis: ours, every view, one pass per view", mb, () => Tokens(exact, articles) + Tokens(stemmed, articles) + Tokens(loose, articles));
                Time("analysis: ours, every view, one shared pass", mb, () => SharedTokens(articles));
                Time("analysis: ours, the shared pass alone (no view read)", mb, () => articles.Sum(a => (long)AnalyzedText.Of(a.Title).Words.Count + AnalyzedText.Of(a.Body).Words.Count));
            }
            return 0;
        }
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

    /// <summary>
    /// <c>loop KIND SECONDS</c>: one query kind (<c>entity</c>, <c>phrase</c>, <c>free</c>, <c>stemmed</c>, <c>date</c>,
    /// <c>combined</c>, <c>facets</c>; <c>stock-free</c> and <c>stock-phrase</c> for the stock pipeline) over and over for a
    /// profiler to sample: <c>dotnet-trace collect -- dotnet ArabicSearch.Benchmarks.dll profile 31525 loop entity 20</c>.
    /// </summary>
    private static int Loop(IReadOnlyList<Article> articles, string kind, double seconds)
    {
        var (ours, stockPath) = QueryIndexes.Ensure(articles);
        var work = QueryWorkload.Draw(articles, 64);
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = ours, ReadOnly = true });
        using var stock = new StockSearch(stockPath);
        long Stock(string q) => stock.Run(q);
        Func<int, long> run = kind switch
        {
            "stock-free" => i => Stock(Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(work.Phrases[i % work.Phrases.Count])),
            "stock-phrase" => i => Stock("\"" + Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(work.Phrases[i % work.Phrases.Count]) + "\""),
            _ => QueryKinds(work).First(k => k.Short == kind).Request is var request ? i => engine.Search(request(i)).Total : throw new ArgumentException(kind),
        };
        var sw = Stopwatch.StartNew();
        long n = 0, sum = 0;
        int gcs = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        while (sw.Elapsed.TotalSeconds < seconds) sum += run((int)n++);
        Console.WriteLine($"loop {kind}: {n:N0} queries in {sw.Elapsed.TotalSeconds:0.0} s, {sw.Elapsed.TotalMilliseconds / n:0.000} ms each ({sum}); " +
            $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / n / 1024.0:N0} KB allocated a query, GCs {GC.CollectionCount(0) - gcs}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2), paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms");
        return 0;
    }

    /// <summary>
    /// <c>docs</c>: loading the stored fields of 10 documents at a time from our query index, through Lucene.Net's
    /// NIOFSDirectory and through the engine's directory (positional reads), interleaved: best and median of 15 rounds.
    /// </summary>
    private static int Docs(IReadOnlyList<Article> articles)
    {
        var (ours, _) = QueryIndexes.Ensure(articles);
        var folder = new DirectoryInfo(ours);
        using var nio = Lucene.Net.Index.DirectoryReader.Open(new Lucene.Net.Store.NIOFSDirectory(folder));
        using var pread = Lucene.Net.Index.DirectoryReader.Open(new Indexing.DurableNIOFSDirectory(folder, Lucene.Net.Store.NoLockFactory.GetNoLockFactory()));
        var random = new Random(7);
        var ids = Enumerable.Range(0, 2000).Select(_ => random.Next(nio.MaxDoc)).ToArray();
        var times = new List<double>[] { [], [] };
        for (int round = 0; round < 17; round++)
        {
            for (int side = 0; side < 2; side++)
            {
                var reader = side == 0 ? nio : pread;
                long t = Stopwatch.GetTimestamp();
                long chars = 0;
                foreach (var id in ids) chars += reader.Document(id).Get(FieldNames.Body)?.Length ?? 0;
                if (round >= 2) times[side].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds / ids.Length * 10);
            }
        }
        Console.WriteLine($"10 documents' stored fields: NIOFSDirectory best {times[0].Min():0.000} median {times[0].Order().ElementAt(7):0.000} ms | positional reads best {times[1].Min():0.000} median {times[1].Order().ElementAt(7):0.000} ms");
        return 0;
    }

    /// <summary>
    /// <c>parts-query KIND</c>: one query kind's time split as <c>SearchExecutor</c> spends it (translate, collect the top
    /// 10, load their stored fields, snippets, entities, "did you mean"), means over 10 rounds of the 64 queries, with the
    /// engine's own time for the same queries beside it.
    /// </summary>
    private static int QueryParts(IReadOnlyList<Article> articles, string kind)
    {
        var (ours, _) = QueryIndexes.Ensure(articles);
        var work = QueryWorkload.Draw(articles, 64);
        var request = QueryKinds(work).First(k => k.Short == kind).Request;
        var options = new ArabicSearchOptions();
        using var fieldAnalyzer = new Indexing.FieldAnalyzer();
        var recognizer = EntityRecognizer.Default;
        var translator = new Querying.QueryTranslator(fieldAnalyzer, recognizer, options);
        var mapper = new Indexing.DocumentMapper(recognizer);
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = ours, ReadOnly = true });
        using var reader = Lucene.Net.Index.DirectoryReader.Open(new Indexing.DurableNIOFSDirectory(new DirectoryInfo(ours), Lucene.Net.Store.NoLockFactory.GetNoLockFactory()));
        var searcher = new Lucene.Net.Search.IndexSearcher(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity(options.Bm25K1, options.Bm25B) };
        var names = new[] { "translate", "top 10", "stored fields", "snippets", "entities", "did you mean", "engine.Search" };
        var t = new double[names.Length];
        int n = 0;
        for (int round = 0; round < 12; round++)
        {
            for (int i = 0; i < 64; i++)
            {
                var r = request(i);
                long a = Stopwatch.GetTimestamp();
                var tq = translator.Translate(r, reader);
                long b = Stopwatch.GetTimestamp();
                var top = searcher.Search(tq.Query, 10);
                long c = Stopwatch.GetTimestamp();
                var docs = top.ScoreDocs.Select(sd => searcher.Doc(sd.Doc)).ToList();
                long d = Stopwatch.GetTimestamp();
                foreach (var doc in docs) Highlighting.SnippetBuilder.Build(doc.Get(FieldNames.Body) ?? "", tq.Highlight, recognizer);
                long e = Stopwatch.GetTimestamp();
                foreach (var doc in docs) mapper.EntitiesOf(doc);
                long f = Stopwatch.GetTimestamp();
                Querying.SpellingSuggester.Suggest(reader, recognizer, r, top.TotalHits);
                long g = Stopwatch.GetTimestamp();
                engine.Search(r);
                long h = Stopwatch.GetTimestamp();
                if (round < 2) continue; // warm-up
                t[0] += b - a; t[1] += c - b; t[2] += d - c; t[3] += e - d; t[4] += f - e; t[5] += g - f; t[6] += h - g; n++;
            }
        }
        Console.WriteLine($"{kind}: " + string.Join(", ", names.Select((name, k) => $"{name} {t[k] * 1000.0 / Stopwatch.Frequency / n:0.000}")) + " ms (means)");
        // The snippets' parts over the same queries' bodies: a bare word scan, the entity marks, the whole snippet.
        var bodies = Enumerable.Range(0, 64).Select(i => (Tq: translator.Translate(request(i), reader), Docs: searcher.Search(translator.Translate(request(i), reader).Query, 10).ScoreDocs.Select(sd => searcher.Doc(sd.Doc).Get(FieldNames.Body) ?? "").ToList())).ToList();
        var parts = new double[3];
        Span<char> word = stackalloc char[WordScanner.OutputLength];
        for (int round = 0; round < 12; round++)
        {
            long a = Stopwatch.GetTimestamp();
            long words = 0;
            foreach (var (_, docs) in bodies)
                foreach (var body in docs)
                {
                    int position = 0;
                    while (WordScanner.Next(body, ref position, word, out _, out _, out _)) words++;
                }
            long b = Stopwatch.GetTimestamp();
            var spans = new List<TextSpan>();
            foreach (var (tq, docs) in bodies)
                if (tq.Highlight.EntityIds.Count > 0)
                    foreach (var body in docs) tq.Highlight.EntityMarksFor(recognizer).AddTo(body, spans);
            long c = Stopwatch.GetTimestamp();
            foreach (var (tq, docs) in bodies)
                foreach (var body in docs) Highlighting.SnippetBuilder.Build(body, tq.Highlight, recognizer);
            long d = Stopwatch.GetTimestamp();
            if (round < 2) continue;
            parts[0] += b - a; parts[1] += c - b; parts[2] += d - c;
        }
        double Per(double ticks) => ticks * 1000.0 / Stopwatch.Frequency / 10 / 64;
        Console.WriteLine($"{kind} snippets of the top 10: word scan alone {Per(parts[0]):0.000}, entity marks {Per(parts[1]):0.000}, whole snippets {Per(parts[2]):0.000} ms a query (means)");
        return 0;
    }

    /// <summary>
    /// <c>facets-refresh</c>: on a writable copy of the query index, the first facet search after each commit of one
    /// article (the facet cache of the new snapshot is built then) against the same search once more. Public API only, so
    /// the same binary measures an older library with its ArabicSearch.dll copied over this one.
    /// </summary>
    private static int FacetsRefresh(IReadOnlyList<Article> articles)
    {
        var (ours, _) = QueryIndexes.Ensure(articles);
        var copy = Path.Combine(Path.GetTempPath(), "arabicsearch-bench", "facets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(ours)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        try
        {
            using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = copy });
            var request = new SearchRequest { Text = "الحكومة", Syntax = QuerySyntax.Plain, Facets = true };
            long t = Stopwatch.GetTimestamp();
            engine.Search(request);
            Console.WriteLine($"first facet search on open: {Stopwatch.GetElapsedTime(t).TotalMilliseconds:N1} ms");
            for (int i = 0; i < 6; i++)
            {
                var a = articles[i * 997 % articles.Count];
                engine.AddOrUpdate(a with { Id = $"facets-refresh-{i}" });
                engine.Commit();
                t = Stopwatch.GetTimestamp();
                engine.Search(request);
                double after = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                t = Stopwatch.GetTimestamp();
                engine.Search(request);
                Console.WriteLine($"commit {i + 1}: first facet search {after:N1} ms, the same search again {Stopwatch.GetElapsedTime(t).TotalMilliseconds:N1} ms");
            }
        }
        finally
        {
            Directory.Delete(copy, true);
        }
        return 0;
    }

    /// <summary>
    /// <c>vs-stock [ROUNDS]</c>: free text and exact phrase through the engine against the stock pipeline as
    /// <c>QueryBenchmarks</c> runs it (classic QueryParser, top 10, stored id, headline and body loaded), interleaved
    /// round by round in one process: best and median round, milliseconds a query, and their ratios.
    /// </summary>
    private static int VsStock(IReadOnlyList<Article> articles, int rounds)
    {
        var (ours, stockPath) = QueryIndexes.Ensure(articles);
        var work = QueryWorkload.Draw(articles, 64);
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = ours, ReadOnly = true });
        using var stock = new StockSearch(stockPath);
        int Stock(string q) => stock.Run(q);
        foreach (bool phrase in new[] { false, true })
        {
            var t = new[] { new List<double>(), new List<double>() };
            for (int round = 0; round < rounds + 2; round++)
            {
                for (int side = 0; side < 2; side++)
                {
                    int s = (round & 1) == 0 ? side : 1 - side;
                    long start = Stopwatch.GetTimestamp();
                    foreach (var p in work.Phrases)
                    {
                        if (s == 0) Stock(phrase ? "\"" + Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(p) + "\"" : Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(p));
                        else engine.Search(phrase ? new SearchRequest { Phrase = p } : new SearchRequest { Text = p, Syntax = QuerySyntax.Plain });
                    }
                    if (round >= 2) t[s].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds / work.Phrases.Count);
                }
            }
            double Best(int s) => t[s].Min();
            double Median(int s) => t[s].Order().ElementAt(t[s].Count / 2);
            Console.WriteLine($"{(phrase ? "exact phrase" : "free text"),-12} stock best {Best(0):0.000} median {Median(0):0.000} ms | ours best {Best(1):0.000} median {Median(1):0.000} ms | ours/stock {Best(1) / Best(0):0.00} (median {Median(1) / Median(0):0.00})");
        }
        return 0;
    }

    /// <summary>
    /// <c>marks-check</c>: <c>EntityMarksAntTests</c> over every article given (the test takes the first 2,000): the marks
    /// of each entity an article's body names, alone and all together, against the whole-text recognizer's.
    /// </summary>
    private static int MarksCheck(IReadOnlyList<Article> articles)
    {
        var recognizer = EntityRecognizer.Default;
        int checkedSets = 0, failures = 0;
        var sw = Stopwatch.StartNew();
        foreach (var article in articles)
        {
            string body = article.Body;
            var mentions = recognizer.Recognize(body);
            var all = mentions.Select(m => m.Entity.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var ids in all.Select(id => (IReadOnlySet<string>)new HashSet<string>([id], StringComparer.Ordinal)).Append(all))
            {
                checkedSets++;
                var expected = mentions.Where(m => ids.Contains(m.Entity.Id)).Select(m => new TextSpan(m.Start, m.End - m.Start)).OrderBy(x => x.Start).ThenBy(x => x.Length).ToList();
                var actual = new List<TextSpan>();
                new Highlighting.EntityMarks(recognizer, ids).AddTo(body, actual);
                actual = actual.OrderBy(x => x.Start).ThenBy(x => x.Length).ToList();
                if (actual.SequenceEqual(expected)) continue;
                if (failures++ < 10) Console.WriteLine($"DIFFER {article.Id} {string.Join(',', ids.Take(3))}: expected {string.Join(' ', expected)}, got {string.Join(' ', actual)}");
            }
        }
        Console.WriteLine($"marks-check: {articles.Count:N0} articles, {checkedSets:N0} id sets, {failures} differ ({sw.Elapsed.TotalSeconds:0} s)");
        return failures == 0 ? 0 : 1;
    }

    internal static (string Name, string Short, Func<int, SearchRequest> Request)[] QueryKinds(QueryWorkload work) =>
    [
        ("free text", "free", i => new SearchRequest { Text = work.Phrases[i % work.Phrases.Count], Syntax = QuerySyntax.Plain }),
        ("exact phrase", "phrase", i => new SearchRequest { Phrase = work.Phrases[i % work.Phrases.Count] }),
        ("stemmed phrase", "stemmed", i => new SearchRequest { Phrase = work.Phrases[i % work.Phrases.Count], PhraseMode = PhraseMode.Stemmed }),
        ("entity", "entity", i => new SearchRequest { Entities = [work.Entities[i % work.Entities.Count]] }),
        ("date range", "date", i => new SearchRequest { From = work.Ranges[i % work.Ranges.Count].From, To = work.Ranges[i % work.Ranges.Count].To }),
        ("phrase + entity + date", "combined", i => { var q = work.Combined[i % work.Combined.Count]; return new SearchRequest { Phrase = q.Phrase, Entities = [q.Entity], From = q.From, To = q.To }; }),
        ("free text + facets", "facets", i => new SearchRequest { Text = work.Phrases[i % work.Phrases.Count], Syntax = QuerySyntax.Plain, Facets = true }),
    ];

    /// <summary>p50 of each of our query kinds over the (cached) query index of <paramref name="articles"/>.</summary>
    private static int Queries(IReadOnlyList<Article> articles)
    {
        var (ours, _) = QueryIndexes.Ensure(articles);
        var work = QueryWorkload.Draw(articles, 64);
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = ours, ReadOnly = true });
        var kinds = QueryKinds(work).Select(k => (k.Name, k.Request)).ToArray();
        foreach (var (name, request) in kinds)
        {
            for (int i = 0; i < 128; i++) engine.Search(request(i));
            var times = new double[640];
            for (int i = 0; i < times.Length; i++)
            {
                var req = request(i);
                long t = Stopwatch.GetTimestamp();
                engine.Search(req);
                times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
            Array.Sort(times);
            Console.WriteLine($"query: {name,-24} p50 {times[times.Length / 2]:0.000} ms  p90 {times[times.Length * 9 / 10]:0.000} ms");
        }
        return 0;
    }

    /// <summary>Free text and phrase, ours and stock, split into translate / search / load stored fields / snippets.</summary>
    private static int Breakdown(IReadOnlyList<Article> articles)
    {
        var (ours, stockPath) = QueryIndexes.Ensure(articles);
        var work = QueryWorkload.Draw(articles, 64);
        using var fieldAnalyzer = new Indexing.FieldAnalyzer();
        var translator = new Querying.QueryTranslator(fieldAnalyzer, EntityRecognizer.Default, new ArabicSearchOptions());
        using var oursReader = Lucene.Net.Index.DirectoryReader.Open(new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(ours)));
        using var stockReader = Lucene.Net.Index.DirectoryReader.Open(new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(stockPath)));
        var oursSearcher = new Lucene.Net.Search.IndexSearcher(oursReader) { Similarity = StockPipeline.Bm25 };
        var stockSearcher = new Lucene.Net.Search.IndexSearcher(stockReader) { Similarity = StockPipeline.Bm25 };
        using var stockAnalyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        Console.WriteLine($"segments: ours {oursReader.Leaves.Count}, stock {stockReader.Leaves.Count}");
        foreach (bool phrase in new[] { false, true })
        {
            var t = new double[6];
            int n = 0;
            for (int round = 0; round < 6; round++)
            {
                foreach (var p in work.Phrases)
                {
                    long a = Stopwatch.GetTimestamp();
                    var tq = translator.Translate(phrase ? new SearchRequest { Phrase = p } : new SearchRequest { Text = p, Syntax = QuerySyntax.Plain });
                    long b = Stopwatch.GetTimestamp();
                    var top = oursSearcher.Search(tq.Query, 10);
                    long c = Stopwatch.GetTimestamp();
                    var bodies = top.ScoreDocs.Select(sd => oursSearcher.Doc(sd.Doc).Get(FieldNames.Body) ?? "").ToList();
                    long d = Stopwatch.GetTimestamp();
                    foreach (var body in bodies) Highlighting.SnippetBuilder.Build(body, tq.Highlight, EntityRecognizer.Default);
                    long e = Stopwatch.GetTimestamp();
                    var parser = new Lucene.Net.QueryParsers.Classic.QueryParser(LuceneVersion.LUCENE_48, StockPipeline.Text, stockAnalyzer);
                    var esc = Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(p);
                    var sq = parser.Parse(phrase ? "\"" + esc + "\"" : esc);
                    var stop = stockSearcher.Search(sq, 10);
                    long f = Stopwatch.GetTimestamp();
                    foreach (var sd in stop.ScoreDocs) stockSearcher.Doc(sd.Doc);
                    long g = Stopwatch.GetTimestamp();
                    if (round == 0) continue; // warm-up
                    t[0] += b - a; t[1] += c - b; t[2] += d - c; t[3] += e - d; t[4] += f - e; t[5] += g - f; n++;
                }
            }
            double Ms(double ticks) => ticks * 1000.0 / Stopwatch.Frequency / n;
            Console.WriteLine($"{(phrase ? "phrase" : "free text"),-10} ours: translate {Ms(t[0]):0.000} search {Ms(t[1]):0.000} load {Ms(t[2]):0.000} snippets {Ms(t[3]):0.000} ms | stock: parse+search {Ms(t[4]):0.000} load {Ms(t[5]):0.000} ms (means)");
        }
        return 0;
    }

    /// <summary>
    /// Time and allocations of each piece of indexing one article (<c>DocumentMapper.ToDocument</c> and the inversion
    /// of its text views), one thread, warm: where the gap to the stock pipeline is.
    /// </summary>
    private static int Parts(IReadOnlyList<Article> articles)
    {
        double mb = BenchmarkCorpus.Utf8Bytes(articles) / 1e6;
        using var fieldAnalyzer = new Indexing.FieldAnalyzer();
        using var stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        var mapper = new Indexing.DocumentMapper(EntityRecognizer.Default);
        var reference = new Indexing.DocumentMapper(EntityRecognizer.Default, 2, sharedAnalysis: false);
        for (int round = 0; round < 3; round++)
        {
            Console.WriteLine($"-- round {round + 1}");
            TimeAlloc("stock analysis: headline + body", mb, () => articles.Sum(a => TokenCount(stock, a.Title) + TokenCount(stock, a.Body)));
            TimeAlloc("every view as indexed (headline x2 + body, 3 views)", mb, () => articles.Sum(a =>
            {
                long n = 0;
                foreach (var field in new[] { FieldNames.Text, FieldNames.TextExact, FieldNames.TextLoose })
                    n += 2 * TokenCount(fieldAnalyzer, a.Title, field) + TokenCount(fieldAnalyzer, a.Body, field);
                return n;
            }));
            TimeAlloc("entities: Recognize(title) + Recognize(body)", mb, () => articles.Sum(a => (long)EntityRecognizer.Default.Recognize(a.Title).Count + EntityRecognizer.Default.Recognize(a.Body).Count));
            TimeAlloc("dates: DistinctDays(title + body)", mb, () => articles.Sum(a => (long)Dates.DateMentionExtractor.DistinctDays(a.Title + "\n" + a.Body, a.Published).Count()));
            TimeAlloc("fingerprint: FingerprintOf(article)", mb, () => articles.Sum(a => (long)Indexing.DuplicateIndex.FingerprintOf(a).ShingleCount));
            TimeAlloc("completions: TextWords.Split(title)", mb, () => articles.Sum(a => (long)TextWords.Split(a.Title).Count));
            TimeAlloc("ToDocument (streams not consumed)", mb, () => articles.Sum(a => (long)mapper.ToDocument(a).Fields.Count));
            TimeAlloc("ToDocument, per-field pipeline (before issue 16)", mb, () => articles.Sum(a => (long)reference.ToDocument(a).Fields.Count));
            TimeAlloc("ToDocument + inverting every field (RAM, no commit)", mb, () => Invert(fieldAnalyzer, articles.Select(mapper.ToDocument)));
            TimeAlloc("the same, per-field pipeline (before issue 16)", mb, () => Invert(fieldAnalyzer, articles.Select(reference.ToDocument)));
            TimeAlloc("stock: documents + inverting (RAM, no commit)", mb, () => Invert(stock, articles.Select(StockPipeline.ToDocument)));
        }
        return 0;
    }

    /// <summary>
    /// The engine's writer set-up (NIOFS, <c>FieldAnalyzer</c>, BM25, 64 MB buffer, UpdateDocument by id, commit) with the
    /// per-field mapper of before issue 16, with the shared analysis pass, and the stock pipeline, interleaved over
    /// rounds so that a loaded machine slows all three alike.
    /// </summary>
    private static int Ab(IReadOnlyList<Article> articles)
    {
        double mb = BenchmarkCorpus.Utf8Bytes(articles) / 1e6;
        using var stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        var shared = new Indexing.DocumentMapper(EntityRecognizer.Default);
        var reference = new Indexing.DocumentMapper(EntityRecognizer.Default, 2, sharedAnalysis: false);
        var totals = new double[3];
        for (int round = 0; round < 4; round++)
        {
            var t = new[]
            {
                Clock(() => WithFolder(dir => Write(dir, reference, articles))),
                Clock(() => WithFolder(dir => Write(dir, shared, articles))),
                Clock(() => WithFolder(dir =>
                {
                    using var writer = StockPipeline.OpenWriter(dir, stock);
                    foreach (var a in articles) StockPipeline.Add(writer, a);
                    writer.Commit();
                })),
            };
            Console.WriteLine($"round {round + 1}: per-field {t[0]:N0} ms, shared pass {t[1]:N0} ms, stock {t[2]:N0} ms");
            if (round > 0) for (int i = 0; i < 3; i++) totals[i] += t[i];
        }
        Console.WriteLine($"rounds 2-4: per-field {totals[0] / 3:N0} ms, shared pass {totals[1] / 3:N0} ms ({totals[0] / totals[1]:0.00}x faster), stock {totals[2] / 3:N0} ms; " +
            $"docs/s vs stock: per-field {totals[2] / totals[0]:0.00}x, shared {totals[2] / totals[1]:0.00}x ({mb:0.0} MB)");
        return 0;

        static double Clock(Action work)
        {
            var sw = Stopwatch.StartNew();
            work();
            return sw.Elapsed.TotalMilliseconds;
        }
    }

    private static void Write(string dir, Indexing.DocumentMapper mapper, IReadOnlyList<Article> articles)
    {
        using var analyzer = new Indexing.FieldAnalyzer();
        using var writer = new Lucene.Net.Index.IndexWriter(new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(dir)),
            new Lucene.Net.Index.IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = StockPipeline.Bm25, RAMBufferSizeMB = 64 });
        foreach (var a in articles) writer.UpdateDocument(new Lucene.Net.Index.Term(FieldNames.Id, a.Id), mapper.ToDocument(a));
        writer.Commit();
    }

    /// <summary>Adds the documents to an in-memory writer with a buffer large enough that nothing is flushed: inversion only.</summary>
    private static long Invert(Analyzer analyzer, IEnumerable<Lucene.Net.Documents.Document> documents)
    {
        using var dir = new Lucene.Net.Store.RAMDirectory();
        using var writer = new Lucene.Net.Index.IndexWriter(dir, new Lucene.Net.Index.IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 1024, MaxBufferedDocs = 1_000_000 });
        long n = 0;
        foreach (var d in documents) { writer.AddDocument(d); n++; }
        writer.Rollback();
        return n;
    }

    private static long TokenCount(Analyzer analyzer, string text, string field = "body")
    {
        long n = 0;
        using var ts = analyzer.GetTokenStream(field, text);
        ts.Reset();
        while (ts.IncrementToken()) n++;
        ts.End();
        return n;
    }

    private static void TimeAlloc(string what, double mb, Func<long> work)
    {
        work();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        long result = work();
        sw.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"{what,-58} {sw.Elapsed.TotalMilliseconds,8:N0} ms {mb / sw.Elapsed.TotalSeconds,7:0.0} MB/s {allocated / 1e6,8:N1} MB alloc ({result:N0})");
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

    /// <summary>Every view of every headline and body from one analysis pass each (<see cref="AnalyzedText"/>), as indexing does.</summary>
    private static long SharedTokens(IReadOnlyList<Article> articles)
    {
        long n = 0;
        foreach (var a in articles)
        {
            foreach (var text in new[] { a.Title, a.Body })
            {
                var analyzed = AnalyzedText.Of(text);
                foreach (var view in Views)
                {
                    using var ts = analyzed.Stream(view);
                    ts.Reset();
                    while (ts.IncrementToken()) n++;
                    ts.End();
                }
            }
        }
        return n;
    }

    /// <summary>
    /// The stock pipeline's search as the query benchmark's stock rows run it: the classic parser over the stock index,
    /// top 10, each hit's stored id, headline and body loaded. <see cref="Run"/> returns the total plus the characters read.
    /// </summary>
    private sealed class StockSearch : IDisposable
    {
        private readonly Lucene.Net.Index.DirectoryReader _reader;
        private readonly Lucene.Net.Search.IndexSearcher _searcher;
        private readonly ArabicAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);

        public StockSearch(string path)
        {
            _reader = Lucene.Net.Index.DirectoryReader.Open(new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(path)));
            _searcher = new Lucene.Net.Search.IndexSearcher(_reader) { Similarity = StockPipeline.Bm25 };
        }

        public int Run(string query)
        {
            var parser = new Lucene.Net.QueryParsers.Classic.QueryParser(LuceneVersion.LUCENE_48, StockPipeline.Text, _analyzer);
            var top = _searcher.Search(parser.Parse(query), 10);
            int chars = 0;
            foreach (var sd in top.ScoreDocs)
            {
                var doc = _searcher.Doc(sd.Doc);
                chars += (doc.Get("id")?.Length ?? 0) + (doc.Get("title")?.Length ?? 0) + (doc.Get("body")?.Length ?? 0);
            }
            return top.TotalHits + chars;
        }

        public void Dispose()
        {
            _analyzer.Dispose();
            _reader.Dispose();
        }
    }

    private static readonly ArabicView[] Views = [ArabicView.Exact, ArabicView.Stemmed, ArabicView.Loose];

    private static long WithFolder(Action<string> work) => WithFolderSize(work);

    private static long WithFolderSize(Action<string> work)
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
