using System.Text.Json;
using ArabicSearch.Tests.Cli;

namespace ArabicSearch.Tests.Ingestion;

/// <summary>The <c>index</c> command in-process: exit codes, problem lines, commits as it goes, idempotent re-runs.</summary>
public class IndexCommandTests : InputAndIndexFixture
{

    private const string Good = """
        {"id":"a","title":"عنوان","body":"نص سليم عن بغداد","published":"2021-01-01"}
        {"id":"b","title":"آخر","body":"نص آخر عن أربيل","published":"2021-01-02"}
        {"id":"c","title":"ثالث","body":"نص ثالث","published":"2021-01-03"}
        {"id":"d","title":"رابع","body":"نص رابع","published":"2021-01-04"}
        {"id":"e","title":"خامس","body":"نص خامس","published":"2021-01-05"}

        """;

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var r = CliRunner.Run(args);
        return (r.ExitCode, r.Out, r.Error);
    }

    private int Documents()
    {
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexDir, ReadOnly = true });
        return engine.Count;
    }

    [Test]
    public void Index_good_file_exits_0_with_a_summary()
    {
        var (exit, stdout, stderr) = Run("index", Input.Write("good.jsonl", Good), "--index", IndexDir);
        Assert.That((exit, stderr), Is.EqualTo((0, "")));
        Assert.That(stdout, Does.Match(@"^indexed 5 article\(s\) in [0-9.]+ s \([0-9]+ articles/s\); 0 problem\(s\); 1 commit\(s\)"));
        Assert.That(Documents(), Is.EqualTo(5));
    }

    [Test]
    public void Index_bad_records_exit_3_with_one_line_each_and_good_ones_indexed()
    {
        var path = Input.Write("mixed.jsonl", Good + "{\"id\":\n[1]\n{\"id\":\"f\",\"body\":\"نص\",\"published\":\"غدا\"}\n");
        var (exit, _, stderr) = Run("index", path, "--index", IndexDir);
        Assert.That(exit, Is.EqualTo(3));
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[0], Does.StartWith("mixed.jsonl:6: invalid JSON ("));
        Assert.That(lines[1], Is.EqualTo("mixed.jsonl:7: expected a JSON object, found array"));
        Assert.That(lines[2], Is.EqualTo("mixed.jsonl:8: id f: unparseable \"published\" \"غدا\"; indexed undated"));
        Assert.That(stderr, Does.Not.Contain("   at "));
        Assert.That(Documents(), Is.EqualTo(6));
    }

    [Test]
    public void Index_trec_file_with_an_unclosed_record_exits_3()
    {
        var path = Input.Write("news.trec", """
            <DOC>
            <DOCNO>N-1-20180730</DOCNO>
            <TIME>Mon, 30 Jul 2018 07:12:48 GMT</TIME>
            <TEXT>نص أول</TEXT>
            </DOC>
            <DOC>
            <DOCNO>N-2-20180731</DOCNO>
            <TEXT>نص مقطوع
            </DOC>
            <DOC>
            <DOCNO>N-3-20180801</DOCNO>
            <TEXT>نص ثالث</TEXT>
            </DOC>

            """);
        var (exit, stdout, stderr) = Run("index", path, "--index", IndexDir, "--json");
        Assert.That(exit, Is.EqualTo(3));
        Assert.That(stderr, Is.EqualTo("news.trec: N-2-20180731: unclosed <TEXT> tag; record skipped" + Environment.NewLine));
        using var summary = JsonDocument.Parse(stdout);
        Assert.That(summary.RootElement.GetProperty("indexed").GetInt32(), Is.EqualTo(2));
        Assert.That(summary.RootElement.GetProperty("problems").GetInt32(), Is.EqualTo(1));
        Assert.That(Documents(), Is.EqualTo(2));
    }

    [TestCase("news.csv")]
    [TestCase("news.json")]
    [TestCase("news.trec.zip")]
    public void Index_unknown_extension_exits_2_before_indexing(string name)
    {
        var good = Input.Write("good.jsonl", Good);
        var (exit, _, stderr) = Run("index", good, Input.Write(name, Good), "--index", IndexDir);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: cannot read '").And.Contains("unknown file type; use one of .jsonl, .jsonl.gz, .trec, .trec.gz"));
        Assert.That(Directory.Exists(IndexDir), Is.False, "nothing was indexed");
    }

    [Test]
    public void Index_missing_file_exits_2()
    {
        var (exit, _, stderr) = Run("index", Path.Combine(Input.Dir, "absent.jsonl"), "--index", IndexDir);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: no such file: "));
    }

    [TestCase("0")]
    [TestCase("-5")]
    public void Index_commit_every_below_one_exits_2(string every)
    {
        var (exit, _, stderr) = Run("index", Input.Write("good.jsonl", Good), "--index", IndexDir, "--commit-every", every);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--commit-every must be at least 1"));
    }

    [Test]
    public void Index_commits_every_n_articles_and_at_the_end()
    {
        var (exit, stdout, _) = Run("index", Input.Write("good.jsonl", Good), "--index", IndexDir, "--commit-every", "2", "--json");
        Assert.That(exit, Is.EqualTo(0));
        using var summary = JsonDocument.Parse(stdout);
        Assert.That(summary.RootElement.GetProperty("commits").GetInt32(), Is.EqualTo(3), "after 2, after 4, and at the end");
        var commits = Lucene.Net.Index.DirectoryReader.ListCommits(Lucene.Net.Store.FSDirectory.Open(IndexDir));
        Assert.That(commits, Has.Count.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void Index_rerun_on_the_same_input_is_idempotent()
    {
        var path = Input.Write("good.jsonl", Good);
        Assert.That(Run("index", path, "--index", IndexDir).Exit, Is.EqualTo(0));
        Assert.That(Run("index", path, "--index", IndexDir).Exit, Is.EqualTo(0));
        Assert.That(Documents(), Is.EqualTo(5));
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexDir, ReadOnly = true });
        Assert.That(engine.Search(new SearchRequest { Text = "بغداد" }).Hits.Select(h => h.Id), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void Index_rerun_after_a_partial_run_completes_the_index()
    {
        var lines = Good.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(Run("index", Input.Write("part.jsonl", string.Join('\n', lines[..2])), "--index", IndexDir).Exit, Is.EqualTo(0));
        Assert.That(Run("index", Input.Write("good.jsonl", Good), "--index", IndexDir).Exit, Is.EqualTo(0));
        Assert.That(Documents(), Is.EqualTo(5));
    }

    [Test]
    public void Index_duplicate_ids_in_a_file_keep_the_last()
    {
        var path = Input.Write("dup.jsonl", Good + "{\"id\":\"a\",\"body\":\"النسخة الأخيرة\"}\n");
        Assert.That(Run("index", path, "--index", IndexDir).Exit, Is.EqualTo(0));
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexDir, ReadOnly = true });
        Assert.That(engine.Count, Is.EqualTo(5));
        // an exact phrase: free text also matches loose variants (الأخيرة ~ آخر in b)
        Assert.That(engine.Search(new SearchRequest { Phrase = "النسخة الأخيرة" }).Hits.Select(h => h.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(engine.Search(new SearchRequest { Text = "بغداد" }).Total, Is.Zero);
    }

    [Test]
    public void Index_record_lucene_refuses_is_reported_and_the_rest_kept()
    {
        string giantId = new('x', 40_000), giantSource = new('s', 40_000);
        var path = Input.Write("giant.jsonl", Good
            + $"{{\"id\":\"{giantId}\",\"body\":\"نص\"}}\n"
            + $"{{\"id\":\"g\",\"body\":\"نص\",\"source\":\"{giantSource}\"}}\n"
            + "{\"id\":\"h\",\"body\":\"نص أخير\"}\n");
        var (exit, _, stderr) = Run("index", path, "--index", IndexDir);
        Assert.That(exit, Is.EqualTo(3));
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Is.EqualTo($"giant.jsonl:6: id {giantId[..80]}…: rejected by the index (a value of field \"id\" is longer than Lucene's limit of 32,766 UTF-8 bytes)"));
        Assert.That(lines[1], Does.StartWith("giant.jsonl:7: id g: rejected by the index ("));
        Assert.That(Documents(), Is.EqualTo(6), "the five before and the one after");
    }
}
