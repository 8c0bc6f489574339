using System.Text;
using Lucene.Net.Store;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// A child process indexes and commits in a loop and acknowledges each commit only after Commit() returns
/// (the hidden <c>arabicsearch stress-writer</c> command). It is killed with SIGKILL at random moments; after each kill
/// every acknowledged article must be in the index, CheckIndex must be clean, and a new writer must open even though
/// the kill left write.lock behind.
/// </summary>
public class CrashSafetyTests
{
    /// <summary>Set to 1 to run the long variant (100 kills); see docs/guarantees.md.</summary>
    public const string LongTestsVariable = "ARABICSEARCH_LONG_TESTS";

    [Test]
    public void Killed_writer_loses_no_acknowledged_commit() => KillRepeatedly(5);

    [Test, Category("Long")]
    public void Killed_writer_loses_no_acknowledged_commit_over_100_kills()
    {
        if (Environment.GetEnvironmentVariable(LongTestsVariable) != "1")
            Assert.Ignore($"Long test (about 5 minutes on 2 cores): run with {LongTestsVariable}=1 dotnet test --filter Category=Long");
        KillRepeatedly(100);
    }

    private static void KillRepeatedly(int kills)
    {
        int seed = Environment.TickCount;
        TestContext.Out.WriteLine($"seed {seed}");
        var random = new Random(seed);
        using var temp = new TempFolder();
        string index = temp.Combine("idx"), ack = temp.Combine("ack.log");
        int acknowledged = 0;
        for (int kill = 0; kill < kills; kill++)
        {
            long before = File.Exists(ack) ? new FileInfo(ack).Length : 0;
            var stderr = new StringBuilder();
            using (var child = CliHost.Start(stderr, "stress-writer", "--index", index, "--ack", ack, "--prefix", $"k{kill}", "--batch", random.Next(1, 60).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                // Once the child has acknowledged a commit it is inside its loop; kill it at a random moment from there.
                bool running = CliHost.WaitFor(() => child.HasExited || (File.Exists(ack) && new FileInfo(ack).Length > before), TimeSpan.FromMinutes(1));
                Assert.That(running && !child.HasExited, Is.True, $"the writer did not get going (kill {kill}): {stderr}");
                Thread.Sleep(random.Next(0, 300));
                child.Kill(); // SIGKILL on Unix: no finally blocks, no Dispose
                child.WaitForExit();
            }
            Assert.That(File.Exists(Path.Combine(index, "write.lock")), Is.True, "the kill leaves write.lock behind");

            var expected = AcknowledgedIds(ack);
            Assert.That(expected.Count, Is.GreaterThan(acknowledged), "each run acknowledges at least one commit");
            acknowledged = expected.Count;

            // A new writer opens over the stale lock file (the OS released the lock with the process) ...
            using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index }))
                Assert.That(engine.Count, Is.GreaterThanOrEqualTo(expected.Count));
            // ... every acknowledged article is there ...
            using (var directory = new NIOFSDirectory(new DirectoryInfo(index)))
            {
                var committed = IndexProbe.CommittedIds(directory);
                var missing = expected.Where(id => !committed.Contains(id)).Take(5).ToList();
                Assert.That(missing, Is.Empty, $"acknowledged but lost after kill {kill}");
            }
            // ... and CheckIndex finds nothing wrong.
            var report = ArabicSearchEngine.Verify(index);
            Assert.That(report.Problems, Is.Empty, $"CheckIndex after kill {kill}");
        }
        TestContext.Out.WriteLine($"{kills} kills, {acknowledged} acknowledged articles, none lost");
    }

    /// <summary>The ids of every complete acknowledgement line; a line cut short by the kill acknowledges nothing.</summary>
    private static HashSet<string> AcknowledgedIds(string ack)
    {
        var text = File.ReadAllText(ack, Encoding.UTF8);
        int end = text.LastIndexOf('\n');
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (end < 0) return ids;
        foreach (var line in text[..end].Split('\n'))
            foreach (var id in line.Split(' ').Skip(2)) ids.Add(id);
        return ids;
    }
}
