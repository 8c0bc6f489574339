using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// Issue 13, row 11: a search that starts after <c>AddOrUpdate</c> returned sees the write, whichever thread wrote
/// it, also while another thread writes and refreshes. (Lucene's non-blocking refresh alone misses it: another thread's
/// refresh, started before the write, makes this thread's refresh a no-op.)
/// </summary>
public class VisibilityTests
{
    private const int Threads = 2, WritesPerThread = 200;

    [TestCase(false)]
    [TestCase(true)]
    public void Search_after_AddOrUpdate_sees_the_write_with_two_writer_threads(bool onDisk)
    {
        using var temp = new TempFolder();
        using var engine = onDisk ? ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = temp.Combine("idx") }) : ArabicSearchEngine.CreateInMemory();
        var misses = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<Exception>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                for (int i = 0; i < WritesPerThread; i++)
                {
                    string id = $"t{t}-{i:D4}";
                    if (i % 3 == 0) engine.AddOrUpdate([IndexProbe.Article(id, 0, i)]); // a batch
                    else engine.AddOrUpdate(IndexProbe.Article(id, 0, i));
                    var found = engine.Search(new SearchRequest { LuceneQuery = new TermQuery(new Term(FieldNames.Id, id)), Top = 1 });
                    if (found.Total != 1) misses.Enqueue(id);
                    if (i % 50 == 49) engine.Commit();
                }
            }
#pragma warning disable CA1031 // every exception is a test failure, reported below
            catch (Exception e) { errors.Enqueue(e); }
#pragma warning restore CA1031
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.That(errors, Is.Empty);
        Assert.That(misses, Is.Empty, $"{misses.Count} of {Threads * WritesPerThread} searches missed their own write");
        Assert.That(engine.Count, Is.EqualTo(Threads * WritesPerThread));
    }

    [Test]
    public void Delete_is_seen_by_the_next_search_on_another_thread()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(IndexProbe.Article("gone", 0));
        Assert.That(engine.Count, Is.EqualTo(1));
        var t = new Thread(() => engine.Delete("gone"));
        t.Start();
        t.Join();
        Assert.That(engine.Count, Is.Zero);
    }
}
