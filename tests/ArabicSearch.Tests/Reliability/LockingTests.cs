using System.Text;

namespace ArabicSearch.Tests.Reliability;

/// <summary>One writer per index across processes: the second gets a clear "in use by another process" error.</summary>
public class LockingTests
{
    [Test]
    public void Cli_index_while_this_process_holds_the_writer_fails_with_in_use()
    {
        using var temp = new TempFolder();
        string index = temp.Combine("idx");
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index });
        engine.AddOrUpdate(SeedCorpus.Articles[0]);
        engine.Commit();

        var (code, _, err) = CliHost.Run("index", SeedCorpus.Path, "--index", index);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("in use by another process"));
        Assert.That(err.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        Assert.That(engine.Count, Is.EqualTo(1), "the holder is unaffected");
    }

    [Test]
    public void Opening_for_writing_while_another_process_writes_is_index_in_use_and_reading_still_works()
    {
        using var temp = new TempFolder();
        string index = temp.Combine("idx"), ack = temp.Combine("ack.log");
        var stderr = new StringBuilder();
        using var child = CliHost.Start(stderr, "stress-writer", "--index", index, "--ack", ack, "--batch", "5");
        try
        {
            Assert.That(CliHost.WaitFor(() => child.HasExited || (File.Exists(ack) && new FileInfo(ack).Length > 0), TimeSpan.FromMinutes(1)) && !child.HasExited,
                Is.True, $"the writer did not get going: {stderr}");

            Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index }),
                Throws.TypeOf<IndexInUseException>().With.Message.Contains("in use by another process"));
            using var reader = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index, ReadOnly = true });
            Assert.That(reader.Count, Is.GreaterThan(0), "readers need no lock");
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }
    }
}
