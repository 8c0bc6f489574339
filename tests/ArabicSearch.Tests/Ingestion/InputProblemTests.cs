using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ArabicSearch.Ingestion;
using ArabicSearch.Tests.Cli;

namespace ArabicSearch.Tests.Ingestion;

/// <summary>
/// Issue 13, rows 5–8 and 12: every input problem is reported (exit code 3) and the good records are kept: a gzip
/// file cut short, an unreadable file among readable ones, problem text that would forge lines or drive a terminal,
/// a named pipe as input, an oversized body, a duplicate JSON key.
/// </summary>
public class InputProblemTests : InputAndIndexFixture
{
    private int Documents()
    {
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexDir, ReadOnly = true });
        return engine.Count;
    }

    private static string JsonRecord(int i) => $"{{\"id\":\"r{i:D4}\",\"body\":\"نص رقم {i} عن بغداد\"}}\n";

    private static string TrecRecord(int i) => $"<DOC>\n<DOCNO>R-{i:D4}</DOCNO>\n<TEXT>نص رقم {i} عن بغداد</TEXT>\n</DOC>\n";

    /// <summary>A gzip of <paramref name="records"/> records, cut right after the first <paramref name="kept"/> (a record boundary).</summary>
    private static byte[] GzipCutAfter(Func<int, string> record, int records, int kept)
    {
        var buffer = new MemoryStream();
        long cut = 0;
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (int i = 0; i < records; i++)
            {
                if (i == kept) { gz.Flush(); cut = buffer.Length; }
                gz.Write(Encoding.UTF8.GetBytes(record(i)));
            }
        }
        return buffer.ToArray()[..(int)cut];
    }

    [TestCase("cut.jsonl.gz")]
    [TestCase("cut.trec.gz")]
    public void Truncated_gzip_at_a_record_boundary_is_reported_and_the_records_before_it_kept(string name)
    {
        Func<int, string> record = name.Contains("jsonl") ? JsonRecord : TrecRecord;
        var path = Input.Write(name, GzipCutAfter(record, 1_000, 500));

        var r = CliRunner.Run("index", path, "--index", IndexDir);

        Assert.That(r.ExitCode, Is.EqualTo(3), r.Error);
        Assert.That(r.Error.Trim(), Does.StartWith($"{name}: truncated at record 501 (").And.Not.Contain("\n"));
        Assert.That(Documents(), Is.EqualTo(500));
    }

    [Test]
    public void Whole_gzip_is_read_without_a_problem()
    {
        var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            for (int i = 0; i < 300; i++) gz.Write(Encoding.UTF8.GetBytes(JsonRecord(i)));
        var records = ArticleFiles.Read(Input.Write("whole.jsonl.gz", buffer.ToArray())).ToList();
        Assert.That(records.Where(x => x.Problem is not null), Is.Empty);
        Assert.That(records, Has.Count.EqualTo(300));
    }

    [Test]
    public void Unreadable_file_is_reported_and_the_other_files_records_committed()
    {
        var ok = Input.Write("ok.jsonl", JsonRecord(1) + JsonRecord(2));
        var secret = Input.Write("secret.jsonl", JsonRecord(3));
        var after = Input.Write("after.jsonl", JsonRecord(4));
        // Held with an exclusive lock, the file cannot be opened for reading (chmod would not stop a root test run).
        using (new FileStream(secret, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var r = CliRunner.Run("index", ok, secret, after, "--index", IndexDir);
            Assert.That(r.ExitCode, Is.EqualTo(3), r.Error);
            Assert.That(r.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(r.Error, Does.StartWith("secret.jsonl: cannot be read ("));
        }
        Assert.That(Documents(), Is.EqualTo(3), "ok.jsonl's and after.jsonl's records are committed");
    }

    [Test]
    public void Problem_text_shows_control_characters_escaped()
    {
        // An id that would forge a second problem line and turn the terminal red.
        var path = Input.Write("evil.jsonl", "{\"id\":\"a\\nevil.jsonl:9: forged\\u001b[31m\",\"body\":\"نص\",\"published\":\"غدا\\r\"}\n");
        var r = CliRunner.Run("index", path, "--index", IndexDir);
        Assert.That(r.ExitCode, Is.EqualTo(3));
        Assert.That(r.Error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), r.Error);
        Assert.That(r.Error, Does.Contain("a\\nevil.jsonl:9: forged\\u001b[31m").And.Contain("\\r").And.Not.Contain("\u001b").And.Not.Contain("\r"));
    }

    [TestCase("\u001b[2J", "\\u001b[2J")]
    [TestCase("a\r\nb", "a\\r\\nb")]
    [TestCase("tab\there", "tab\\there")]
    [TestCase("\u0085\u2028\u202e", "\\u0085\\u2028\\u202e")]
    [TestCase("بغداد", "بغداد")] // Arabic text is left alone
    public void EscapeControlCharacters_shows_escapes(string text, string shown) =>
        Assert.That(TextSanitizer.EscapeControlCharacters(text), Is.EqualTo(shown));

    [TestCase("big.jsonl")]
    [TestCase("big.trec")]
    public void Body_over_the_cap_is_reported_and_skipped_in_every_format(string name)
    {
        string huge = new('ن', ArticleFiles.MaxBodyChars + 1);
        string text = name.EndsWith(".jsonl", StringComparison.Ordinal)
            ? JsonRecord(1) + $"{{\"id\":\"huge\",\"body\":\"{huge}\"}}\n" + JsonRecord(2)
            : TrecRecord(1) + $"<DOC>\n<DOCNO>huge</DOCNO>\n<TEXT>{huge}</TEXT>\n</DOC>\n" + TrecRecord(2);
        var records = ArticleFiles.Read(Input.Write(name, text)).ToList();
        var problem = records.Select(x => x.Problem).OfType<string>().Single();
        Assert.That(problem, Does.Contain("huge").And.Contain($"over the limit of {ArticleFiles.MaxBodyChars:N0}"));
        Assert.That(records.Where(x => x.Article is not null).Select(x => x.Article!.Id).ToList(), Is.EqualTo(new[] { name.EndsWith(".jsonl", StringComparison.Ordinal) ? "r0001" : "R-0001", name.EndsWith(".jsonl", StringComparison.Ordinal) ? "r0002" : "R-0002" }));
    }

    [Test]
    public void Duplicate_json_key_is_reported_and_the_record_skipped()
    {
        var records = ArticleFiles.Read(Input.Write("dup.jsonl", JsonRecord(1) + "{\"id\":\"d\",\"body\":\"أول\",\"body\":\"ثان\"}\n")).ToList();
        Assert.That(records.Select(x => x.Problem).OfType<string>().Single(), Does.StartWith("dup.jsonl:2: ").And.Contain("body"));
        Assert.That(records.Select(x => x.Article?.Id).OfType<string>(), Is.EqualTo(new[] { "r0001" }));
    }

    [Test]
    public void Named_pipe_input_with_progress_on_a_terminal_is_indexed_whole()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/script") || !File.Exists("/usr/bin/mkfifo"))
            Assert.Ignore("needs a Unix named pipe and script(1) for a terminal on stderr");
        const int Records = 5_000;
        string fifo = Path.Combine(Input.Dir, "pipe.jsonl");
        using (var mk = Process.Start("/usr/bin/mkfifo", [fifo])) mk.WaitForExit();
        string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "ArabicSearch.Cli.dll");
        string dotnet = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        // script(1) gives the child a terminal, so the progress line, and its background count, are on.
        var info = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-qec", $"'{dotnet}' exec '{dll}' index '{fifo}' --index '{IndexDir}'", "/dev/null" }) info.ArgumentList.Add(a);
        using var child = Process.Start(info)!;
        var output = child.StandardOutput.ReadToEndAsync();
        using (var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write))
            for (int i = 0; i < Records; i++) pipe.Write(Encoding.UTF8.GetBytes(JsonRecord(i)));
        if (!child.WaitForExit(TimeSpan.FromMinutes(2))) { child.Kill(true); Assert.Fail("the index run did not finish"); }
        Assert.That(child.ExitCode, Is.Zero, output.Result);
        Assert.That(Documents(), Is.EqualTo(Records), "the progress count did not take records from the pipe");
    }
}
