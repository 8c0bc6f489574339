using System.Diagnostics;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ArabicSearch.Tests.Ingestion;

/// <summary>
/// Issue 6, item 1 (the CLI part): <c>index</c> commits as it goes, so a run killed with SIGKILL keeps every commit
/// it made, and running the same command again completes the index.
/// </summary>
public class IndexKillTests : InputAndIndexFixture
{
    private const int Total = 8_000, Every = 250;

    [Test]
    public void Index_killed_mid_run_keeps_every_commit_and_a_rerun_completes()
    {
        var text = new StringBuilder();
        for (int i = 0; i < Total; i++)
            text.Append("{\"id\":\"n").Append(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\",\"title\":\"خبر\",\"body\":\"نص الخبر عن بغداد والموصل وأربيل\",\"published\":\"2021-02-01\"}\n");
        var input = Input.Write("many.jsonl", text.ToString());

        using (var child = StartCli("index", input, "--index", IndexDir, "--commit-every", Every.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var output = child.StandardOutput.ReadToEndAsync();
            var errors = child.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (!child.HasExited && CommittedIds().Count < 2 * Every && clock.Elapsed < TimeSpan.FromSeconds(120)) Thread.Sleep(20);
            if (child.HasExited) Assert.Inconclusive($"the child finished (exit {child.ExitCode}) before it could be killed: {errors.Result}");
            child.Kill(entireProcessTree: true); // SIGKILL
            child.WaitForExit();
            _ = output.Result;
        }

        var kept = CommittedIds();
        TestContext.Out.WriteLine($"killed with {kept.Count} of {Total} articles committed");
        Assert.That(kept.Count, Is.GreaterThanOrEqualTo(2 * Every).And.LessThan(Total));
        Assert.That(kept.Count % Every, Is.Zero, "only whole commits survive");
        Assert.That(kept, Is.EquivalentTo(Enumerable.Range(0, kept.Count).Select(i => $"n{i:D5}")), "the first articles of the file, each once");
        using (var dir = FSDirectory.Open(IndexDir))
            Assert.That(new CheckIndex(dir).DoCheckIndex().Clean, Is.True, "CheckIndex is clean after the kill");

        using (var rerun = StartCli("index", input, "--index", IndexDir, "--commit-every", "5000"))
        {
            var errors = rerun.StandardError.ReadToEndAsync();
            _ = rerun.StandardOutput.ReadToEnd();
            rerun.WaitForExit();
            Assert.That((rerun.ExitCode, errors.Result), Is.EqualTo((0, "")), "the re-run opens the index despite the killed writer's lock");
        }
        Assert.That(CommittedIds(), Has.Count.EqualTo(Total));
    }

    private List<string> CommittedIds()
    {
        try
        {
            using var dir = FSDirectory.Open(IndexDir);
            if (!DirectoryReader.IndexExists(dir)) return [];
            using var reader = DirectoryReader.Open(dir);
            var ids = new List<string>(reader.NumDocs);
            var live = MultiFields.GetLiveDocs(reader);
            for (int i = 0; i < reader.MaxDoc; i++)
                if (live is null || live.Get(i)) ids.Add(reader.Document(i).Get(FieldNames.Id));
            return ids;
        }
        catch (IOException)
        {
            return []; // the writer replaced a commit while we opened it; look again
        }
    }

    private static Process StartCli(params string[] args)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "ArabicSearch.Cli.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
    }
}
