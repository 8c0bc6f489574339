using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// Issue 13, row 10: <c>Verify</c> while a writer commits (and merges, deleting the files of older commits) reads a
/// consistent commit and never calls the healthy index damaged.
/// </summary>
public class VerifyDuringWritesTests
{
    [Test]
    public void Verify_while_a_writer_commits_reports_healthy_every_time()
    {
        using var temp = new TempFolder();
        string index = temp.Combine("idx");
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index });
        engine.AddOrUpdate(IndexProbe.Articles("seed", 100));
        engine.Commit();

        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        int commits = 0;
        var writer = new Thread(() =>
        {
            try
            {
                for (int round = 0; !stop.IsCancellationRequested; round++)
                {
                    engine.AddOrUpdate(IndexProbe.Articles($"r{round}", 5)); // small segments: merges delete files often
                    engine.Delete($"r{round - 1}-0001");
                    engine.Commit();
                    commits++;
                }
            }
#pragma warning disable CA1031 // reported below
            catch (Exception e) { failure = e; }
#pragma warning restore CA1031
        });
        writer.Start();
        var unhealthy = new List<string>();
        try
        {
            for (int i = 0; i < 12; i++)
            {
                var report = ArabicSearchEngine.Verify(index);
                if (!report.IsHealthy) unhealthy.Add(string.Join(" | ", report.Problems));
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join();
        }
        TestContext.Out.WriteLine($"{commits} commits during 12 checks");
        Assert.That(failure, Is.Null);
        Assert.That(commits, Is.Positive, "the writer committed while verify ran");
        Assert.That(unhealthy, Is.Empty);
    }

    [Test]
    public void Verify_when_a_commit_deletes_the_checked_files_midway_checks_again()
    {
        using var temp = new TempFolder();
        string index = temp.Combine("idx");
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index });
        var first = IndexProbe.Articles("a", 10);
        engine.AddOrUpdate(first);
        engine.Commit();

        // Once CheckIndex has read segments_N and the .si files and opens its first segment's data, a writer deletes every article of that
        // segment and commits: Lucene drops the emptied segment and deletes its files under the check.
        bool moved = false;
        using var directory = new OnFirstSegmentRead(FSDirectory.Open(index), () =>
        {
            foreach (var a in first) engine.Delete(a.Id);
            engine.AddOrUpdate(IndexProbe.Article("b", 0));
            engine.Commit();
            moved = true;
        });
        var report = IndexVerifier.Verify(directory, index);
        Assert.That(moved, Is.True, "the commit happened during the check");
        Assert.That(report.Problems, Is.Empty);
        Assert.That(report.Documents, Is.EqualTo(1), "the check that counts read the new commit");
    }

    private sealed class OnFirstSegmentRead(LuceneDirectory inner, Action action) : FilterDirectory(inner)
    {
        private int _done;

        public override IndexInput OpenInput(string name, IOContext context)
        {
            if ((name.EndsWith(".cfs", StringComparison.Ordinal) || name.EndsWith(".cfe", StringComparison.Ordinal)) && Interlocked.Exchange(ref _done, 1) == 0) action();
            return base.OpenInput(name, context);
        }
    }

    [Test]
    public void Verify_of_index_files_without_a_commit_point_is_damage_not_absence()
    {
        using var temp = new TempFolder();
        string index = IndexProbe.WithoutCommitPoint(temp);
        var report = ArabicSearchEngine.Verify(index);
        Assert.That(report.IsHealthy, Is.False);
        Assert.That(report.Problems.Single(), Does.Contain("no commit point"));
    }
}
