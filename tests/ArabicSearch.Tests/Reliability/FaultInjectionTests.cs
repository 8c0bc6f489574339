using Lucene.Net.Store;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// I/O faults under the engine: a failed write, sync or file creation, and a full disk. The engine reports
/// <see cref="IndexWriteException"/>, the last commit stays readable, nothing committed is lost, and after
/// <see cref="ArabicSearchEngine.Rollback"/> the same engine goes on.
/// </summary>
public class FaultInjectionTests
{
    private FaultyDirectory _disk = null!;
    private ArabicSearchEngine _engine = null!;
    private HashSet<string> _acknowledged = null!;

    [SetUp]
    public void Open()
    {
        _disk = new FaultyDirectory(new RAMDirectory());
        _engine = ArabicSearchEngine.Open(_disk, new ArabicSearchOptions());
        var first = IndexProbe.Articles("a", 40);
        _engine.AddOrUpdate(first);
        _engine.Commit();
        _acknowledged = first.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
    }

    [TearDown]
    public void Close()
    {
        _engine.Dispose();
        _disk.Dispose(); // already disposed by the engine; disposing twice is harmless
    }

    public enum Fault { Create, Sync, Write, DiskFull }

    // Each case arms one fault, then adds a second batch and commits. Which call fails depends on where the fault lands.
    [TestCase(Fault.Create, 1)]      // the first file of the flush
    [TestCase(Fault.Create, 3)]
    [TestCase(Fault.Create, 8)]      // late in the commit: segments_N
    [TestCase(Fault.Sync, 1)]        // fsync of the new segment's files
    [TestCase(Fault.Sync, 2)]        // fsync of segments_N
    [TestCase(Fault.Write, 1)]
    [TestCase(Fault.Write, 200)]
    [TestCase(Fault.Write, 5_000)]
    [TestCase(Fault.DiskFull, 0)]    // no room at all
    [TestCase(Fault.DiskFull, 2_000)] // room for part of the flush
    public void Fault_is_reported_and_the_engine_goes_on_after_rollback(Fault fault, int n)
    {
        Arm(fault, n);
        var second = IndexProbe.Articles("b", 40);
        var error = Assert.Throws<IndexWriteException>(() => { _engine.AddOrUpdate(second); _engine.Commit(); });
        Assert.That(error!.Message, Does.Contain("simulated").And.Contain("last commit"), "the message names the cause and the outcome");
        Assert.That(_disk.Faults, Is.GreaterThan(0));

        // The last commit stays readable, from a fresh reader and from this engine, and holds everything acknowledged.
        var committed = IndexProbe.CommittedIds(_disk.Inner);
        var expectedIfDurable = _acknowledged.Concat(second.Select(a => a.Id)).ToHashSet(StringComparer.Ordinal);
        Assert.That(committed.SetEquals(_acknowledged) || committed.SetEquals(expectedIfDurable), Is.True,
            $"the index holds a whole commit: {committed.Count} ids (the old commit has {_acknowledged.Count})");
        Assert.That(_engine.Count, Is.EqualTo(committed.Count), "searches go on over the last commit");
        Assert.That(_engine.Search(new SearchRequest { Text = "بغداد", Top = 1 }).Total, Is.GreaterThan(0));

        // Writes fail until the loss is acknowledged.
        Assert.That(() => _engine.AddOrUpdate(IndexProbe.Article("c-0", 0)), Throws.TypeOf<IndexWriteException>().With.Message.Contains("Rollback()"));

        _disk.Heal();
        _engine.Rollback();
        _engine.AddOrUpdate(second);
        _engine.Commit();
        Assert.That(IndexProbe.CommittedIds(_disk.Inner), Is.EquivalentTo(expectedIfDurable));
        Assert.That(_engine.Count, Is.EqualTo(80));
        Assert.That(Verify().Problems, Is.Empty, "CheckIndex is clean");
    }

    [Test]
    public void Full_disk_keeps_failing_until_space_is_freed_and_rollback_works_meanwhile()
    {
        _disk.FillDiskLeaving(0);
        Assert.That(() => { _engine.AddOrUpdate(IndexProbe.Articles("b", 10)); _engine.Commit(); }, Throws.TypeOf<IndexWriteException>().With.Message.Contains("No space left"));
        _engine.Rollback(); // reopening the writer writes nothing, so it works on a full disk
        Assert.That(() => { _engine.AddOrUpdate(IndexProbe.Articles("b", 10)); _engine.Commit(); }, Throws.TypeOf<IndexWriteException>());
        Assert.That(IndexProbe.CommittedIds(_disk.Inner), Is.EquivalentTo(_acknowledged));

        _disk.Heal();
        _engine.Rollback();
        _engine.AddOrUpdate(IndexProbe.Articles("b", 10));
        _engine.Commit();
        Assert.That(_engine.Count, Is.EqualTo(50));
    }

    [Test]
    public void Uncommitted_writes_are_discarded_by_rollback_and_searches_stop_seeing_them()
    {
        _engine.AddOrUpdate(IndexProbe.Articles("b", 5));
        _engine.Delete("a-0000");
        Assert.That(_engine.Count, Is.EqualTo(44), "near-real-time view before rollback");
        _engine.Rollback();
        Assert.That(_engine.Count, Is.EqualTo(40));
        Assert.That(_engine.Search(new SearchRequest { LuceneQuery = new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(FieldNames.Id, "a-0000")) }).Total, Is.EqualTo(1));
    }

    [Test]
    public void A_failure_seen_by_one_writer_makes_the_next_commit_of_another_fail_too()
    {
        // Thread B's write lands, then thread A's write fails and discards it: B's commit must not report success.
        _engine.AddOrUpdate(IndexProbe.Article("b-0", 0));
        _disk.FailNthCreate(1);
        Assert.That(() => _engine.Commit(), Throws.TypeOf<IndexWriteException>());
        Assert.That(() => _engine.Commit(), Throws.TypeOf<IndexWriteException>().With.Message.Contains("earlier write"));
        _engine.Rollback();
        _engine.Commit();
        Assert.That(IndexProbe.CommittedIds(_disk.Inner), Does.Not.Contain("b-0"));
    }

    [Test]
    public void Searches_go_on_while_writes_fail_and_roll_back()
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        int failures = 0, commits = 0, searches = 0;
        var searchers = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var results = _engine.Search(new SearchRequest { Text = "بغداد", Top = 5 });
                    Assert.That(results.Total, Is.GreaterThanOrEqualTo(_acknowledged.Count), "committed articles never vanish");
                    Interlocked.Increment(ref searches);
                }
            }
#pragma warning disable CA1031 // every exception is a test failure, reported below
            catch (Exception e) { errors.Enqueue(e); }
#pragma warning restore CA1031
        })).ToList();
        searchers.ForEach(t => t.Start());
        var random = new Random(5);
        for (int round = 0; round < 30 && errors.IsEmpty; round++)
        {
            if (round % 2 == 0) _disk.FailNthWrite(random.Next(1, 3_000));
            try
            {
                _engine.AddOrUpdate(IndexProbe.Articles($"r{round}", 10));
                _engine.Commit();
                commits++;
            }
            catch (IndexWriteException)
            {
                failures++;
                _disk.Heal();
                _engine.Rollback();
            }
            _disk.Heal();
        }
        stop.Cancel();
        searchers.ForEach(t => t.Join());

        Assert.That(errors, Is.Empty, string.Join("\n---\n", errors));
        TestContext.Out.WriteLine($"{failures} failed rounds, {commits} commits, {searches} searches");
        Assert.That(failures, Is.GreaterThan(0), "faults did hit");
        Assert.That(commits, Is.GreaterThan(0));
        Assert.That(IndexProbe.CommittedIds(_disk.Inner).IsSupersetOf(_acknowledged), Is.True);
        Assert.That(Verify().Problems, Is.Empty);
    }

    private void Arm(Fault fault, int n)
    {
        switch (fault)
        {
            case Fault.Create: _disk.FailNthCreate(n); break;
            case Fault.Sync: _disk.FailNthSync(n); break;
            case Fault.Write: _disk.FailNthWrite(n); break;
            case Fault.DiskFull: _disk.FillDiskLeaving(n); break;
        }
    }

    private IndexVerification Verify() => IndexVerifier.Verify(_disk.Inner, "faulty");
}
