using System.Diagnostics.Metrics;
using ArabicSearch.Ingestion;
using ArabicSearch.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ArabicSearch.Tests.Serving;

/// <summary>What a web tier needs from the library: cancellation, refresh, filters, hosting, metrics and disposal.</summary>
public class WebTierTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("arabicsearch-web-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static Article News(string id, string body, string source = "BBC", string category = "") =>
        new(id, body) { Source = source, Category = category, Published = new DateOnly(2021, 7, 1) };

    [Test]
    public void Search_with_a_cancelled_token_throws_OperationCanceledException()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(News("a", "نص عن بغداد"));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.That(() => engine.Search(new SearchRequest { Text = "بغداد" }, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(engine.Search(new SearchRequest { Text = "بغداد", Facets = true, Sort = SearchSort.Newest }, CancellationToken.None).Total, Is.EqualTo(1));
    }

    [Test]
    public void Search_with_a_live_token_gives_the_same_hits_as_without()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        for (int i = 0; i < 50; i++) engine.AddOrUpdate(News($"d{i:00}", i % 2 == 0 ? "بغداد بغداد أربيل" : "بغداد"));
        using var cts = new CancellationTokenSource();
        foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Newest })
        {
            var request = new SearchRequest { Text = "بغداد أربيل", Sort = sort, Top = 50 };
            Assert.That(engine.Search(request, cts.Token).Hits.Select(h => h.Id), Is.EqualTo(engine.Search(request).Hits.Select(h => h.Id)));
        }
    }

    [Test]
    public void CancellableCollector_stops_collecting_once_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var counting = new CountingCollector();
        var collector = new CancellableCollector(counting, cts.Token);
        for (int doc = 0; doc < 100; doc++) collector.Collect(doc);
        cts.Cancel();
        Assert.That(() => { for (int doc = 100; doc < 100_000; doc++) collector.Collect(doc); }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(counting.Count, Is.LessThan(100 + 1024), "stops within one check interval");
    }

    [Test]
    public void Refresh_shows_a_read_only_engine_the_commits_of_another_writer()
    {
        using var writer = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir });
        writer.AddOrUpdate(News("a", "نص عن بغداد"));
        writer.Commit();
        using var reader = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir, ReadOnly = true });
        writer.AddOrUpdate(News("b", "نص آخر عن بغداد"));
        writer.Commit();
        Assert.That(reader.Count, Is.EqualTo(1), "a snapshot until refreshed");
        reader.Refresh();
        Assert.That(reader.Count, Is.EqualTo(2));
    }

    [Test]
    public void RefreshInterval_makes_a_read_only_engine_follow_commits()
    {
        using var writer = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir });
        writer.AddOrUpdate(News("a", "نص عن بغداد"));
        writer.Commit();
        using var reader = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir, ReadOnly = true, RefreshInterval = TimeSpan.FromMilliseconds(50) });
        writer.AddOrUpdate(News("b", "نص آخر عن بغداد"));
        writer.Commit();
        Assert.That(() => reader.Search(new SearchRequest { Text = "بغداد" }).Total, Is.EqualTo(2).After(5000, 20));
    }

    [Test]
    public void Options_reject_a_non_positive_RefreshInterval() =>
        Assert.That(() => ArabicSearchEngine.CreateInMemory(new ArabicSearchOptions { RefreshInterval = TimeSpan.Zero }), Throws.ArgumentException);

    [Test]
    public void Search_filters_on_sources_ignoring_case_and_on_categories_exactly()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(News("a", "نص عن بغداد", "BBC", "sport"));
        engine.AddOrUpdate(News("b", "نص عن بغداد", "CNN", "economy"));
        engine.AddOrUpdate(News("c", "نص عن بغداد", "bbc", "economy"));
        Assert.That(engine.Search(new SearchRequest { Sources = ["bbc"] }).Hits.Select(h => h.Id), Is.EquivalentTo(new[] { "a", "c" }));
        Assert.That(engine.Search(new SearchRequest { Sources = [" Cnn "] }).Hits.Select(h => h.Id), Is.EquivalentTo(new[] { "b" }));
        Assert.That(engine.Search(new SearchRequest { Categories = ["economy"] }).Hits.Select(h => h.Id), Is.EquivalentTo(new[] { "b", "c" }));
        Assert.That(engine.Search(new SearchRequest { Categories = ["Economy"] }).Total, Is.Zero, "categories match exactly");
        Assert.That(engine.Search(new SearchRequest { Sources = ["BBC"], Categories = ["economy"], Text = "بغداد" }).Hits.Single().Id, Is.EqualTo("c"));
        Assert.That(() => engine.Search(new SearchRequest { Sources = [" "] }), Throws.TypeOf<InvalidQueryException>());
    }

    [Test]
    public void Search_facets_count_categories_and_hits_carry_them()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(News("a", "بغداد", category: "sport"));
        engine.AddOrUpdate(News("b", "بغداد", category: "economy"));
        engine.AddOrUpdate(News("c", "بغداد", category: "economy"));
        var results = engine.Search(new SearchRequest { Text = "بغداد", Facets = true });
        Assert.That(results.Facets!.Categories, Is.EqualTo(new[] { new FacetCount("economy", "economy", 2), new FacetCount("sport", "sport", 1) }));
        Assert.That(results.Hits.Single(h => h.Id == "a").Category, Is.EqualTo("sport"));
    }

    [Test]
    public void Find_returns_the_stored_article_with_category_and_author_or_null()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(News("a", "نص عن بغداد", category: "sport") with { Author = "كاتب", Title = "عنوان", Url = "https://x" });
        var found = engine.Find("a");
        Assert.That(found, Is.EqualTo(News("a", "نص عن بغداد", category: "sport") with { Author = "كاتب", Title = "عنوان", Url = "https://x" }));
        Assert.That(engine.Find("zzz"), Is.Null);
    }

    [Test]
    public void TrecReader_keeps_category_and_author_and_reads_the_abstract_when_the_text_is_a_disclaimer()
    {
        string path = Path.Combine(_dir, "in.trec");
        File.WriteAllText(path, """
            <DOC>
            <DOCNO>AL-culture-57-20130112</DOCNO>
            <SRC>alarabia</SRC>
            <CAT>culture</CAT>
            <TITLE>عمود رأي</TITLE>
            <AUTHOR>تركي الدخيل</AUTHOR>
            <ABSTRACT>مقال رأي طويل عن الثقافة العربية والكتابة في الصحف اليومية</ABSTRACT>
            <TEXT>** جميع المقالات المنشورة تمثل رأي كتابها فقط.</TEXT>
            </DOC>
            <DOC>
            <DOCNO>SK-1-20180730</DOCNO>
            <SRC>skynews</SRC>
            <CAT>middleEast</CAT>
            <TITLE>خبر</TITLE>
            <AUTHOR></AUTHOR>
            <ABSTRACT>ملخص</ABSTRACT>
            <TEXT>خبر كامل عن بغداد</TEXT>
            </DOC>
            """);
        var articles = TrecReader.Read(path).Select(r => r.Article!).ToList();
        Assert.That(articles[0].Category, Is.EqualTo("culture"));
        Assert.That(articles[0].Author, Is.EqualTo("تركي الدخيل"));
        Assert.That(articles[0].Body, Does.StartWith("مقال رأي طويل").And.EndWith("تمثل رأي كتابها فقط."));
        Assert.That(articles[1].Body, Is.EqualTo("خبر كامل عن بغداد"), "a longer TEXT is the body alone");
        Assert.That(articles[1].Author, Is.Empty);
    }

    [Test]
    public void JsonLinesReader_keeps_category_and_author()
    {
        var record = JsonLinesReader.Parse("""{"id":"x","body":"نص","category":"sport","author":"كاتب"}""", "in.jsonl:1");
        Assert.That(record.Article!.Category, Is.EqualTo("sport"));
        Assert.That(record.Article.Author, Is.EqualTo("كاتب"));
    }

    [Test]
    public void AddArabicSearch_registers_named_engines_from_configuration_with_health_checks()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indexes:news:IndexPath"] = Path.Combine(_dir, "news"),
            ["Indexes:news:RefreshInterval"] = "00:00:02",
            ["Indexes:archive:IndexPath"] = Path.Combine(_dir, "archive"),
            ["Indexes:archive:TitleWeight"] = "3",
        }).Build();
        var services = new ServiceCollection().AddLogging()
            .AddArabicSearch("news", config.GetSection("Indexes:news"))
            .AddArabicSearch("archive", config.GetSection("Indexes:archive"));
        services.AddHealthChecks().AddArabicSearch("news").AddArabicSearch("archive");
        using var provider = services.BuildServiceProvider();
        var news = provider.GetRequiredKeyedService<ArabicSearchEngine>("news");
        var archive = provider.GetRequiredKeyedService<ArabicSearchEngine>("archive");
        Assert.That(news, Is.Not.SameAs(archive));
        news.AddOrUpdate(News("a", "بغداد"));
        Assert.That(archive.Count, Is.Zero);
        var report = provider.GetRequiredService<HealthCheckService>().CheckHealthAsync().GetAwaiter().GetResult();
        Assert.That(report.Status, Is.EqualTo(HealthStatus.Healthy));
        Assert.That(report.Entries["arabicsearch:news"].Data["documents"], Is.EqualTo(1));
    }

    [Test]
    public void AddArabicSearch_validates_configuration_at_registration_and_refuses_a_second_unnamed_engine()
    {
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = "idx", ["Search:Bm25B"] = "7" }).Build();
        Assert.That(() => new ServiceCollection().AddArabicSearch(bad.GetSection("Search")),
            Throws.InvalidOperationException.With.Message.Contains("'Search'").And.Message.Contains("Bm25B"));
        var services = new ServiceCollection().AddArabicSearch(o => o);
        Assert.That(() => services.AddArabicSearch(o => o), Throws.InvalidOperationException.With.Message.Contains("by name"));
    }

    [Test]
    public void HealthCheck_reports_an_index_that_cannot_open_as_unhealthy()
    {
        var services = new ServiceCollection().AddLogging().AddArabicSearch(o => o with { IndexPath = Path.Combine(_dir, "missing"), ReadOnly = true });
        services.AddHealthChecks().AddArabicSearch();
        using var provider = services.BuildServiceProvider();
        var report = provider.GetRequiredService<HealthCheckService>().CheckHealthAsync().GetAwaiter().GetResult();
        Assert.That(report.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(report.Entries["arabicsearch"].Description, Does.Contain("No index"));
    }

    [Test]
    public void HealthCheck_reports_damage_a_search_found_as_unhealthy()
    {
        // 16 bytes overwritten near the start of the segment's data: the default open does not read them, a search does.
        Reliability.DamagedIndex.Make(_dir);

        var services = new ServiceCollection().AddLogging().AddArabicSearch(o => o with { IndexPath = _dir, ReadOnly = true });
        services.AddHealthChecks().AddArabicSearch();
        using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        Assert.That(health.CheckHealthAsync().GetAwaiter().GetResult().Status, Is.EqualTo(HealthStatus.Healthy), "nothing read the damage yet");
        var engine = provider.GetRequiredService<ArabicSearchEngine>();
        Assert.That(() => engine.Search(new SearchRequest { Sort = SearchSort.Newest, Top = 100 }), Throws.TypeOf<IndexCorruptException>());
        Assert.That(engine.DamageFound, Is.Not.Null);
        var report = health.CheckHealthAsync().GetAwaiter().GetResult();
        Assert.That(report.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(report.Entries["arabicsearch"].Description, Does.Contain("damaged"));
    }

    [Test]
    public void EngineMetrics_measure_searches_writes_commits_refreshes_and_documents()
    {
        var seen = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == EngineMetrics.MeterName) l.EnableMeasurementEvents(instrument); };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
                if (tag.Key == "index" && Equals(tag.Value, _dir))
                    lock (seen) seen[instrument.Name] = seen.GetValueOrDefault(instrument.Name) + value;
        }
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir });
        engine.AddOrUpdate([News("a", "بغداد"), News("b", "بغداد")]);
        engine.Commit();
        engine.Refresh();
        engine.Search(new SearchRequest { Text = "بغداد" });
        listener.RecordObservableInstruments();
        Assert.That(seen.GetValueOrDefault("arabicsearch.documents.written"), Is.EqualTo(2));
        Assert.That(seen.GetValueOrDefault("arabicsearch.commits"), Is.EqualTo(1));
        Assert.That(seen.GetValueOrDefault("arabicsearch.refreshes"), Is.EqualTo(1));
        Assert.That(seen.GetValueOrDefault("arabicsearch.documents"), Is.EqualTo(2));
        Assert.That(seen.ContainsKey("arabicsearch.search.duration"), Is.True);
    }

    [Test]
    public void Dispose_warns_when_it_discards_uncommitted_writes()
    {
        var log = new ListLogger();
        using (var loggers = LoggerFactory.Create(b => b.AddProvider(log)))
        {
            using (var committed = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir, LoggerFactory = loggers }))
            {
                committed.AddOrUpdate(News("a", "بغداد"));
                committed.Commit();
            }
            Assert.That(log.Warnings, Is.Empty);
            using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir, LoggerFactory = loggers }))
            {
                engine.AddOrUpdate(News("b", "بغداد"));
                engine.Delete("a");
            }
        }
        Assert.That(log.Warnings, Has.One.Contains("discards 2 uncommitted writes"));
    }

    [Test]
    public void Every_member_throws_our_ObjectDisposedException_after_dispose()
    {
        var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir });
        engine.Dispose();
        var calls = new Dictionary<string, Action>
        {
            ["Commit"] = engine.Commit,
            ["AddOrUpdate"] = () => engine.AddOrUpdate(News("a", "بغداد")),
            ["Delete"] = () => engine.Delete("a"),
            ["Refresh"] = engine.Refresh,
            ["Find"] = () => engine.Find("a"),
            ["Search"] = () => engine.Search(new SearchRequest()),
            ["Count"] = () => _ = engine.Count,
            ["Rollback"] = engine.Rollback,
        };
        foreach (var (name, call) in calls)
            Assert.That(() => call(), Throws.TypeOf<ObjectDisposedException>().With.Property(nameof(ObjectDisposedException.ObjectName)).EqualTo(typeof(ArabicSearchEngine).FullName), name);
    }

    private sealed class CountingCollector : ICollector
    {
        public int Count { get; private set; }
        public bool AcceptsDocsOutOfOrder => true;
        public void SetScorer(Scorer scorer) { }
        public void SetNextReader(AtomicReaderContext context) { }
        public void Collect(int doc) => Count++;
    }

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public List<string> Warnings { get; } = [];
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) lock (Warnings) Warnings.Add(formatter(state, exception));
        }
    }
}
