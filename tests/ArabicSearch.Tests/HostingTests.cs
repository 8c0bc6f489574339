using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArabicSearch.Tests;

public class HostingTests
{
    [Test]
    public void AddArabicSearch_registers_one_engine_disposed_with_the_provider()
    {
        var services = new ServiceCollection().AddArabicSearch(options => options with { TitleWeight = 3 });
        ArabicSearchEngine engine;
        using (var provider = services.BuildServiceProvider())
        {
            engine = provider.GetRequiredService<ArabicSearchEngine>();
            Assert.That(provider.GetRequiredService<ArabicSearchEngine>(), Is.SameAs(engine));
            engine.AddOrUpdate(new Article("x", "نص عن بغداد"));
            Assert.That(engine.Search(new SearchRequest { Text = "بغداد" }).Total, Is.EqualTo(1));
        }
        Assert.That(() => engine.Search(new SearchRequest { Text = "بغداد" }), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void AddArabicSearch_opens_an_on_disk_index_with_the_containers_logging()
    {
        var dir = Directory.CreateTempSubdirectory("arabicsearch-di-").FullName;
        try
        {
            var log = new ListLoggerProvider();
            var services = new ServiceCollection()
                .AddLogging(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug))
                .AddArabicSearch(options => options with { IndexPath = dir, SlowQueryThreshold = TimeSpan.Zero });
            using (var provider = services.BuildServiceProvider())
            {
                var engine = provider.GetRequiredService<ArabicSearchEngine>();
                engine.AddOrUpdate(new Article("x", "نص عن بغداد"));
                engine.Commit();
                engine.Search(new SearchRequest { Text = "بغداد" });
            }
            Assert.That(log.Messages, Has.Some.StartsWith("Opened index " + dir));
            Assert.That(log.Messages, Has.Some.StartsWith("Committed index"));
            Assert.That(log.Messages, Has.Some.StartsWith("Slow search"));
            Assert.That(File.Exists(Path.Combine(dir, "write.lock")) && IsLocked(dir), Is.False, "disposal released the index");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Test] // a missing section used to bind the defaults: an empty in-memory index that reported healthy
    public void AddArabicSearch_configuration_without_the_section_fails_at_registration_naming_the_key()
    {
        var config = Config(("Other:IndexPath", "idx"));
        Assert.That(() => new ServiceCollection().AddArabicSearch(config.GetSection("Search")),
            Throws.InvalidOperationException.With.Message.Contains("'Search'").And.Message.Contains("Search:IndexPath"));
    }

    [Test]
    public void AddArabicSearch_configuration_without_IndexPath_fails_at_registration_naming_the_key()
    {
        var config = Config(("Search:RefreshInterval", "00:00:02"));
        Assert.That(() => new ServiceCollection().AddArabicSearch(config.GetSection("Search")),
            Throws.InvalidOperationException.With.Message.Contains("'Search:IndexPath'").And.Message.Contains("missing"));
        Assert.That(() => new ServiceCollection().AddArabicSearch("news", config.GetSection("Search")),
            Throws.InvalidOperationException.With.Message.Contains("'Search:IndexPath'"));
    }

    [Test]
    public void AddArabicSearch_configuration_with_a_misspelled_key_names_it()
    {
        var config = Config(("Search:IndexPth", "idx"), ("Search:IndexPath", "idx"));
        Assert.That(() => new ServiceCollection().AddArabicSearch(config.GetSection("Search")),
            Throws.InvalidOperationException.With.Message.Contains("'Search'").And.Message.Contains("IndexPth"));
    }

    [Test]
    public void AddArabicSearch_configuration_read_only_without_IndexPath_is_refused()
    {
        var config = Config(("Search:ReadOnly", "true"));
        Assert.That(() => new ServiceCollection().AddArabicSearch(config.GetSection("Search")),
            Throws.InvalidOperationException.With.Message.Contains("Search:IndexPath"));
    }

    [Test] // the delegate overload used to open a writable in-memory index, silently dropping ReadOnly
    public void AddArabicSearch_read_only_without_IndexPath_is_refused_when_resolved()
    {
        using var provider = new ServiceCollection().AddArabicSearch(o => o with { ReadOnly = true }).BuildServiceProvider();
        Assert.That(() => provider.GetRequiredService<ArabicSearchEngine>(), Throws.ArgumentException.With.Message.Contains("ReadOnly needs an IndexPath"));
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { ReadOnly = true }), Throws.ArgumentException.With.Message.Contains("ReadOnly needs an IndexPath"));
    }

    [Test]
    public void AddArabicSearch_configuration_with_IndexPath_opens_that_index()
    {
        var dir = Path.Combine(Path.GetTempPath(), "arabicsearch-cfg-" + Guid.NewGuid().ToString("N"));
        try
        {
            var config = Config(("Search:IndexPath", dir), ("Search:RefreshInterval", "00:00:02"));
            using (var provider = new ServiceCollection().AddArabicSearch(config.GetSection("Search")).BuildServiceProvider())
            {
                var engine = provider.GetRequiredService<ArabicSearchEngine>();
                engine.AddOrUpdate(new Article("x", "نص عن بغداد"));
                engine.Commit();
            }
            Assert.That(Directory.EnumerateFiles(dir, "segments_*").Any(), Is.True);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static bool IsLocked(string dir)
    {
        using var d = Lucene.Net.Store.FSDirectory.Open(dir);
        return Lucene.Net.Index.IndexWriter.IsLocked(d);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];
        public ILogger CreateLogger(string categoryName) => new ListLogger(Messages);
        public void Dispose() { }

        private sealed class ListLogger(List<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (messages) messages.Add(formatter(state, exception));
            }
        }
    }
}
