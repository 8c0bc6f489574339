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
