using System.Diagnostics;
using ArabicSearch.Tests.Cli;
using Lucene.Net.Index;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// Issue 13, rows 1 and 9: an index that lost its commit point, or a file, is reported as damaged (one line: which
/// file, what is wrong) and never created over; creating an index needs an empty or absent folder.
/// </summary>
public class DamagedIndexTests : DiskIndexFixture
{
    private Dictionary<string, byte[]> Snapshot() =>
        new DirectoryInfo(IndexPath).GetFiles().Where(f => f.Name != "write.lock").ToDictionary(f => f.Name, f => File.ReadAllBytes(f.FullName));

    private void DeleteCommitPoints()
    {
        foreach (var f in new DirectoryInfo(IndexPath).GetFiles(IndexFileNames.SEGMENTS + "*")) f.Delete();
    }

    [Test]
    public void Cli_index_over_a_lost_commit_point_exits_1_and_keeps_every_byte()
    {
        DeleteCommitPoints();
        var before = Snapshot();
        Assert.That(before.Keys, Has.Some.EndsWith(".si"), "segment files are left");
        string input = Temp.Combine("more.jsonl");
        File.WriteAllText(input, "{\"id\":\"new-1\",\"body\":\"نص جديد عن بغداد\"}\n");

        var r = CliRunner.Run("index", input, "--index", IndexPath);

        Assert.That(r.ExitCode, Is.EqualTo(1), r.Error);
        Assert.That(r.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one line on stderr");
        Assert.That(r.Error, Does.StartWith("error: ").And.Contains("damaged").And.Contains("no commit point"));
        var after = Snapshot();
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys), "no file added or deleted");
        foreach (var (name, bytes) in before)
            Assert.That(after[name], Is.EqualTo(bytes), $"{name} unchanged");
    }

    [Test]
    public void Open_over_a_lost_commit_point_is_corrupt_for_writing_and_reading()
    {
        DeleteCommitPoints();
        var before = Snapshot();
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexPath }),
            Throws.TypeOf<IndexCorruptException>().With.Message.Contains("no commit point").And.Message.Not.Contains("'arabicsearch "));
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexPath, ReadOnly = true }),
            Throws.TypeOf<IndexCorruptException>());
        Assert.That(Snapshot().Keys, Is.EquivalentTo(before.Keys));
        var search = CliRunner.Run("search", "--index", IndexPath, "بغداد");
        Assert.That(search.ExitCode, Is.EqualTo(1));
        Assert.That(search.Error, Does.Contain("damaged").And.Not.Contain("create one"));
    }

    [Test]
    public void Creating_an_index_needs_an_empty_or_absent_folder()
    {
        string folder = Temp.Combine("notes");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "todo.txt"), "keep me");
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = folder }),
            Throws.TypeOf<IndexNotFoundException>().With.Message.Contains("not empty"));
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "todo.txt" }));

        using var fresh = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = Temp.Combine("fresh") });
        Assert.That(fresh.Count, Is.Zero, "an absent folder is created");
    }

    [TestCase(".cfs")]
    [TestCase(".si")]
    [TestCase(".cfe")]
    public void Truncated_file_is_corrupt_with_one_line_naming_it(string extension)
    {
        var file = new DirectoryInfo(IndexPath).GetFiles("*" + extension).Single();
        using (var s = new FileStream(file.FullName, FileMode.Open)) s.SetLength(s.Length * 2 / 3);
        AssertDamaged(file.Name, "");
    }

    [TestCase(".cfs")]
    [TestCase(".si")]
    [TestCase(".cfe")]
    public void Missing_file_is_corrupt_with_one_line_naming_it(string extension)
    {
        var file = new DirectoryInfo(IndexPath).GetFiles("*" + extension).Single();
        file.Delete();
        AssertDamaged(file.Name, "missing");
    }

    private void AssertDamaged(string file, string what)
    {
        foreach (bool readOnly in new[] { true, false })
        {
            var e = Assert.Throws<IndexCorruptException>(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexPath, ReadOnly = readOnly }).Dispose())!;
            TestContext.Out.WriteLine(e.Message);
            Assert.That(e.Message, Does.Contain("damaged").And.Contain(file).And.Contain(what));
            Assert.That(e.Message, Does.Not.Contain("\n").And.Not.Contain("   at ").And.Not.Contain("'arabicsearch "), "the library names the problem, not a CLI command");
        }
        var r = CliRunner.Run("search", "--index", IndexPath, "بغداد");
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(r.Error, Does.StartWith("error: The index").And.Contain(file).And.Not.Contain("I/O error"));
    }
}

/// <summary>Issue 13, row 1: recovery is an explicit action that says what it drops and keeps a backup.</summary>
public class RepairTests
{
    [Test]
    public void Cli_verify_repair_drops_the_damaged_segment_keeps_a_backup_and_leaves_a_healthy_index()
    {
        using var temp = new TempFolder();
        string index = temp.Combine("idx");
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index }))
        {
            engine.AddOrUpdate(IndexProbe.Articles("a", 300));
            engine.Commit();
            engine.AddOrUpdate(IndexProbe.Articles("b", 40));
            engine.Commit();
        }
        var second = new DirectoryInfo(index).GetFiles("_1.cfs").Single();
        var bytes = File.ReadAllBytes(second.FullName);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(second.FullName, bytes);
        var damaged = new DirectoryInfo(index).GetFiles().Where(f => f.Name != "write.lock").ToDictionary(f => f.Name, f => File.ReadAllBytes(f.FullName));

        var r = CliRunner.Run("verify", "--index", index, "--repair");

        Assert.That(r.ExitCode, Is.Zero, r.Error);
        Assert.That(r.Out, Does.Contain("dropped: segment _1: 40 article(s)"));
        Assert.That(r.Out, Does.Contain("repaired: 300 article(s) kept, 40 dropped"));
        string backup = System.Text.RegularExpressions.Regex.Match(r.Out, "backup: (.+?) \\(").Groups[1].Value;
        Assert.That(System.IO.Directory.Exists(backup), Is.True, r.Out);
        foreach (var (name, content) in damaged)
            Assert.That(File.ReadAllBytes(Path.Combine(backup, name)), Is.EqualTo(content), $"backup of {name}");
        Assert.That(ArabicSearchEngine.Verify(index).IsHealthy, Is.True);
        using var repaired = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index, ReadOnly = true });
        Assert.That(repaired.Count, Is.EqualTo(300));
    }

    [Test]
    public void Repair_without_a_readable_commit_point_changes_nothing()
    {
        using var temp = new TempFolder();
        string index = IndexProbe.WithoutCommitPoint(temp);
        var before = System.IO.Directory.GetFiles(index).Order().ToList();
        Assert.That(() => ArabicSearchEngine.Repair(index), Throws.TypeOf<IndexCorruptException>().With.Message.Contains("Nothing was changed"));
        Assert.That(System.IO.Directory.GetFiles(index).Order().ToList(), Is.EqualTo(before));
    }
}

/// <summary>Issue 16, item 1: a merge checks the checksums of what it reads, and damage it finds is reported, not a crash.</summary>
public class MergeDamageTests
{
    [Test]
    public void Merge_over_a_flipped_bit_makes_commit_report_damage_and_the_process_lives()
    {
        using var temp = new TempFolder();
        string index = temp.Combine("idx");
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index }))
        {
            for (int i = 0; i < 12; i++)
            {
                engine.AddOrUpdate(IndexProbe.Articles($"s{i}", 20));
                engine.Commit();
            }
        }
        foreach (var cfs in new DirectoryInfo(index).GetFiles("*.cfs"))
        {
            var bytes = File.ReadAllBytes(cfs.FullName);
            bytes[bytes.Length / 2] ^= 0x10;
            File.WriteAllBytes(cfs.FullName, bytes);
        }

        using var damaged = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index }); // the cheap check passes
        var clock = Stopwatch.StartNew();
        IndexCorruptException? reported = null;
        for (int round = 0; reported is null && clock.Elapsed < TimeSpan.FromSeconds(60); round++)
        {
            try
            {
                damaged.AddOrUpdate(IndexProbe.Articles($"m{round}", 20));
                damaged.Commit(); // each commit adds a segment, so the merge policy soon merges the damaged ones
            }
            catch (IndexCorruptException e)
            {
                reported = e;
            }
            Thread.Sleep(20);
        }
        Assert.That(reported, Is.Not.Null, "a merge found the damage within a minute");
        TestContext.Out.WriteLine(reported!.Message);
        Assert.That(reported.Message, Does.Contain("damaged").And.Not.Contain("\n"));
    }
}
