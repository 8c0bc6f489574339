using System.Collections.Concurrent;
using System.Diagnostics;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// Searcher threads run while a writer thread adds, updates, deletes and commits. No exception anywhere, and every
/// search sees a consistent snapshot: the two articles of a pair are always updated together (one batch), so a search
/// that sees them at different versions has seen half an update.
/// </summary>
public class ConcurrencyTests
{
    private const int Pairs = 20, Solos = 20, Searchers = 3;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    [TestCase(false)]
    [TestCase(true)]
    public void Searches_during_writes_see_whole_batches_and_never_go_back(bool onDisk)
    {
        using var temp = new TempFolder();
        using var engine = onDisk ? ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = temp.Combine("idx") }) : ArabicSearchEngine.CreateInMemory();
        for (int p = 0; p < Pairs; p++) engine.AddOrUpdate(Pair(p, 0));
        for (int s = 0; s < Solos; s++) engine.AddOrUpdate(Solo(s, 0));
        engine.Commit();

        var errors = new ConcurrentQueue<Exception>();
        var stop = new CancellationTokenSource();
        int writes = 0, commits = 0, searches = 0, versionsSeen = 0;

        var writer = new Thread(() =>
        {
            var random = new Random(1);
            var versions = new int[Pairs];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    int p = random.Next(Pairs);
                    switch (random.Next(4))
                    {
                        case 0: case 1: engine.AddOrUpdate(Pair(p, ++versions[p])); break;   // update both, atomically
                        case 2: engine.Delete(SoloId(random.Next(Solos))); break;
                        default: engine.AddOrUpdate(Solo(random.Next(Solos), versions[p])); break;
                    }
                    writes++;
                    if (random.Next(8) == 0) { engine.Commit(); commits++; }
                }
                engine.Commit();
            }
#pragma warning disable CA1031 // every exception is a test failure, reported below
            catch (Exception e) { errors.Enqueue(e); }
#pragma warning restore CA1031
        });

        var readers = Enumerable.Range(0, Searchers).Select(t => new Thread(() =>
        {
            var lastSeen = new int[Pairs];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var results = engine.Search(new SearchRequest { Top = 1_000 }); // no criteria: every article
                    Interlocked.Increment(ref searches);
                    Assert.That(results.Hits, Has.Count.EqualTo(results.Total), "one snapshot: total and hits agree");
                    var byId = results.Hits.ToDictionary(h => h.Id, h => Version(h.Title), StringComparer.Ordinal); // throws on a duplicate id
                    for (int p = 0; p < Pairs; p++)
                    {
                        Assert.That(byId.TryGetValue(PairId(p, 'a'), out int a) && byId.TryGetValue(PairId(p, 'b'), out int b) && a == b, Is.True,
                            $"pair {p} half-updated or missing");
                        Assert.That(a, Is.GreaterThanOrEqualTo(lastSeen[p]), $"pair {p} went back from version {lastSeen[p]} to {a}");
                        if (a > lastSeen[p]) Interlocked.Increment(ref versionsSeen);
                        lastSeen[p] = a;
                    }
                    Assert.That(results.Total - 2 * Pairs, Is.InRange(0, Solos), "solos are each there at most once");
                    Assert.That(engine.Count, Is.GreaterThanOrEqualTo(2 * Pairs));
                }
            }
#pragma warning disable CA1031
            catch (Exception e) { errors.Enqueue(e); stop.Cancel(); }
#pragma warning restore CA1031
        })).ToList();

        writer.Start();
        readers.ForEach(r => r.Start());
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Duration && errors.IsEmpty) Thread.Sleep(20);
        stop.Cancel();
        writer.Join();
        readers.ForEach(r => r.Join());

        Assert.That(errors, Is.Empty, string.Join("\n---\n", errors));
        TestContext.Out.WriteLine($"{writes} writes, {commits} commits, {searches} searches, {versionsSeen} newer versions seen");
        Assert.That(writes, Is.GreaterThan(0));
        Assert.That(searches, Is.GreaterThan(Searchers));
        Assert.That(versionsSeen, Is.GreaterThan(0), "the searches saw updates happen, so the checks had something to check");
    }

    private static string PairId(int p, char side) => $"pair{p:D2}{side}";
    private static string SoloId(int s) => $"solo{s:D2}";

    private static List<Article> Pair(int p, int version) =>
        [IndexProbe.Article(PairId(p, 'a'), version, p), IndexProbe.Article(PairId(p, 'b'), version, p + 1)];

    private static Article Solo(int s, int version) => IndexProbe.Article(SoloId(s), version, s);

    private static int Version(string title) => int.Parse(title.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
