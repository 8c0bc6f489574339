using ArabicSearch.Ingestion;
using System.Text;

namespace ArabicSearch.Tests.Ingestion;

/// <summary>
/// Bad JSON Lines input (issue 6, item 5): each bad record gets exactly one line naming file and line, and every good
/// record is indexed. Line 1 ("good1") and the last line ("good2") of each file are good records around the bad one.
/// </summary>
public class JsonLinesBadInputTests
{
    private const string Good1 = """{"id":"good1","title":"عنوان","body":"خبر أول عن بغداد","published":"2021-02-01"}""";
    private const string Good2 = """{"id":"good2","title":"عنوان","body":"خبر ثان عن أربيل","published":"2021-02-02"}""";

    private InputFolder _input = null!;

    [SetUp]
    public void CreateFolder() => _input = new InputFolder();

    [TearDown]
    public void RemoveFolder() => _input.Dispose();

    private Ingested Ingest(string badLine) => Ingested.From(_input.Write("in.jsonl", $"{Good1}\n{badLine}\n{Good2}\n"));

    [Test]
    public void Read_truncated_json_is_reported_with_its_line()
    {
        using var r = Ingest("""{"id":"x","body":"مقطوع""");
        Assert.That(r.Problems, Has.Count.EqualTo(1));
        Assert.That(r.Problems[0], Does.StartWith("in.jsonl:2: invalid JSON (").And.Not.Contains("\n"));
        Assert.That(r.Engine.Count, Is.EqualTo(2));
    }

    [Test]
    public void Read_truncated_last_line_without_newline_is_reported()
    {
        using var r = Ingested.From(_input.Write("in.jsonl", $"{Good1}\n{Good2}\n{{\"id\":\"x\",\"bo"));
        Assert.That(r.Problems, Has.Count.EqualTo(1));
        Assert.That(r.Problems[0], Does.StartWith("in.jsonl:3: invalid JSON ("));
        Assert.That(r.Engine.Count, Is.EqualTo(2));
    }

    [TestCase("[1, 2]", "array")]
    [TestCase("\"نص\"", "string")]
    [TestCase("42", "number")]
    [TestCase("null", "null")]
    [TestCase("true", "true")]
    public void Read_non_object_line_is_rejected(string line, string kind)
    {
        using var r = Ingest(line);
        Assert.That(r.Problems, Is.EqualTo(new[] { $"in.jsonl:2: expected a JSON object, found {kind}" }));
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "good1", "good2" }));
    }

    [Test]
    public void Read_byte_order_mark_is_accepted_silently()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Good1}\n{Good2}\n")).ToArray();
        using var r = Ingested.From(_input.Write("in.jsonl", bytes));
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "good1", "good2" }), "the BOM is not part of the first id");
        Assert.That(r.Find("بغداد"), Is.EqualTo(new[] { "good1" }));
    }

    [Test]
    public void Read_crlf_line_ends_are_accepted_silently()
    {
        using var r = Ingested.From(_input.Write("in.jsonl", $"{Good1}\r\n{Good2}\r\n"));
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "good1", "good2" }));
        Assert.That(r.Articles.Select(a => a.Body), Has.None.Contains("\r"));
    }

    [Test]
    public void Read_invalid_utf8_is_stored_as_replacement_character_and_reported()
    {
        var bad = Encoding.UTF8.GetBytes("{\"id\":\"bad\",\"body\":\"خبر ").Concat(new byte[] { 0xFF, 0xC3 }).Concat(Encoding.UTF8.GetBytes(" تالف\"}")).ToArray();
        var bytes = Encoding.UTF8.GetBytes(Good1 + "\n").Concat(bad).Concat(Encoding.UTF8.GetBytes("\n" + Good2 + "\n")).ToArray();
        using var r = Ingested.From(_input.Write("in.jsonl", bytes));
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.jsonl:2: id bad: invalid UTF-8 replaced with U+FFFD; indexed" }));
        Assert.That(r.Articles.Single(a => a.Id == "bad").Body, Is.EqualTo("خبر \uFFFD\uFFFD تالف"));
        Assert.That(r.Find("تالف"), Is.EqualTo(new[] { "bad" }));
        Assert.That(r.Engine.Count, Is.EqualTo(3));
    }

    [Test]
    public void Read_escaped_lone_surrogate_is_stored_as_replacement_character_and_reported()
    {
        using var r = Ingest("""{"id":"bad","body":"خبر \ud800 منفرد \udc00 و\ud83d\ude00"}""");
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.jsonl:2: id bad: lone surrogate escapes replaced with U+FFFD; indexed" }));
        Assert.That(r.Articles.Single(a => a.Id == "bad").Body, Is.EqualTo("خبر \uFFFD منفرد \uFFFD و\U0001F600"), "a valid pair stays");
        Assert.That(r.Find("منفرد"), Is.EqualTo(new[] { "bad" }));
    }

    [TestCase("""{"body":"بلا معرف"}""", TestName = "Read_missing_id_is_rejected")]
    [TestCase("""{"id":"","body":"معرف فارغ"}""", TestName = "Read_empty_id_is_rejected")]
    [TestCase("""{"id":"   ","body":"معرف فارغ"}""", TestName = "Read_blank_id_is_rejected")]
    [TestCase("""{"id":null,"body":"معرف فارغ"}""", TestName = "Read_null_id_is_rejected")]
    public void Read_missing_or_empty_id_is_rejected(string line)
    {
        using var r = Ingest(line);
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.jsonl:2: missing or empty \"id\"" }));
        Assert.That(r.Engine.Count, Is.EqualTo(2));
    }

    [Test]
    public void Read_duplicate_id_within_a_file_last_wins()
    {
        using var r = Ingested.From(_input.Write("in.jsonl",
            "{\"id\":\"dup\",\"body\":\"النسخة الأولى\"}\n" + Good1 + "\n{\"id\":\"dup\",\"body\":\"النسخة الأخيرة\"}\n"));
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Engine.Count, Is.EqualTo(2));
        Assert.That(r.Find("الأخيرة"), Is.EqualTo(new[] { "dup" }));
        // an exact phrase: free text also matches loose variants (الأولى ~ أول in good1)
        Assert.That(r.Engine.Search(new SearchRequest { Phrase = "النسخة الأولى" }).Total, Is.Zero);
    }

    [Test]
    public void Read_null_optional_fields_are_accepted_as_absent()
    {
        using var r = Ingest("""{"id":"n","title":null,"body":"خبر بلا حقول","source":null,"url":null,"published":null}""");
        Assert.That(r.Problems, Is.Empty);
        var a = r.Articles.Single(x => x.Id == "n");
        Assert.That((a.Title, a.Source, a.Url, a.Published), Is.EqualTo(("", "", "", (DateOnly?)null)));
    }

    [Test]
    public void Read_numeric_id_is_accepted_as_text()
    {
        using var r = Ingest("""{"id":17,"body":"معرف رقمي"}""");
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Articles.Select(a => a.Id), Does.Contain("17"));
    }

    [TestCase("""{"id":"w","body":5}""", "in.jsonl:2: id w: \"body\" must be a string, found number")]
    [TestCase("""{"id":"w","body":"نص","title":["a"]}""", "in.jsonl:2: id w: \"title\" must be a string, found array")]
    [TestCase("""{"id":"w","body":"نص","source":{"name":"x"}}""", "in.jsonl:2: id w: \"source\" must be a string, found object")]
    [TestCase("""{"id":true,"body":"نص"}""", "in.jsonl:2: \"id\" must be a string, found true")]
    [TestCase("""{"id":"w"}""", "in.jsonl:2: id w: neither \"body\" nor \"title\"")]
    public void Read_wrong_typed_field_rejects_the_record(string line, string problem)
    {
        using var r = Ingest(line);
        Assert.That(r.Problems, Is.EqualTo(new[] { problem }));
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "good1", "good2" }));
    }

    [TestCase("\"soon\"", "\"soon\"")]
    [TestCase("\"2021-02-30\"", "\"2021-02-30\"")]
    [TestCase("20210201", "20210201")]
    public void Read_unparseable_date_is_reported_and_the_article_indexed_undated(string published, string shown)
    {
        using var r = Ingest($$"""{"id":"d","body":"خبر بلا تاريخ","published":{{published}}}""");
        Assert.That(r.Problems, Is.EqualTo(new[] { $"in.jsonl:2: id d: unparseable \"published\" {shown}; indexed undated" }));
        Assert.That(r.Articles.Single(a => a.Id == "d").Published, Is.Null);
        Assert.That(r.Find("تاريخ"), Is.EqualTo(new[] { "d" }));
    }

    [TestCase("\"\"")]
    [TestCase("\"  \"")]
    [TestCase("\"\\t\"")]
    [TestCase("null")]
    public void Read_empty_date_is_absent_and_no_problem(string published)
    {
        using var r = Ingest($$"""{"id":"d","body":"خبر بلا تاريخ","published":{{published}}}""");
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Articles.Single(a => a.Id == "d").Published, Is.Null);
    }

    [Test] // used to end with "LineNumber: 0 | BytePositionInLine: 1.", the per-line parser's line, next to the file's
    public void Read_invalid_json_names_the_file_line_and_the_byte_not_the_parsers_line_zero()
    {
        using var r = Ingest("""{x""");
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.jsonl:2: invalid JSON ('x' is an invalid start of a property name. Expected a '\"', at byte 1 of the line)" }));
    }

    [Test]
    public void Parse_invalid_json_reports_the_byte_position()
    {
        var record = JsonLinesReader.Parse("""{"id":"a","body":"x",}""", "q:13");
        Assert.That(record.Problem, Does.StartWith("q:13: invalid JSON (").And.EndWith(", at byte 21 of the line)").And.Not.Contain("LineNumber"));
    }

    [Test]
    public void Read_body_just_under_the_size_cap_is_indexed()
    {
        var body = new StringBuilder(ArticleFiles.MaxBodyChars);
        var words = new[] { "مقاومة", "بغداد", "الحكومة", "اجتماع", "سياسي", "كلمة" };
        for (int i = 0; body.Length < ArticleFiles.MaxBodyChars - 100; i++) body.Append(words[i % words.Length]).Append(' ');
        body.Append("الخاتمةالفريدة");
        using var r = Ingest($$"""{"id":"big","body":"{{body}}"}""");
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Articles.Single(a => a.Id == "big").Body, Has.Length.GreaterThan(ArticleFiles.MaxBodyChars - 100).And.Length.LessThanOrEqualTo(ArticleFiles.MaxBodyChars));
        Assert.That(r.Find("الخاتمةالفريدة"), Is.EqualTo(new[] { "big" }), "the end of the body is searchable");
        Assert.That(r.Engine.Count, Is.EqualTo(3));
    }

    [Test]
    public void Read_word_as_long_as_the_size_cap_is_indexed_in_pieces()
    {
        using var r = Ingest($$"""{"id":"word","body":"{{new string('ب', ArticleFiles.MaxBodyChars - 10)}} ختام"}""");
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Find("ختام"), Is.EqualTo(new[] { "word" }));
    }
}
