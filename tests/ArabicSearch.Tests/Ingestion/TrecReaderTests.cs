using System.IO.Compression;
using System.Text;

namespace ArabicSearch.Tests.Ingestion;

/// <summary>TREC collections: field mapping, dates, and bad records (unclosed tags) reported with DOCNO or line.</summary>
public class TrecReaderTests
{
    private InputFolder _input = null!;

    [SetUp]
    public void CreateFolder() => _input = new InputFolder();

    [TearDown]
    public void RemoveFolder() => _input.Dispose();

    private static string Doc(string docNo, string time, string text, string title = "عنوان الخبر") => $"""
        <DOC>
        <DOCNO>{docNo}</DOCNO>
        <URL>https://example.com/{docNo}</URL>
        <SRC>skynews</SRC>
        <CAT>middleEast</CAT>
        <TITLE>{title}</TITLE>
        <TIME>{time}</TIME>
        <AUTHOR></AUTHOR>
        <ABSTRACT>
        ملخص
        </ABSTRACT>
        <TEXT>
        {text}
        </TEXT>
        </DOC>

        """;

    private static readonly string First = Doc("SK-1-20180730", "Mon, 30 Jul 2018 07:12:48 GMT", "خبر أول عن بغداد");
    private static readonly string Last = Doc("SK-3-20180801", "Wed, 01 Aug 2018 10:00:00 +0300", "خبر أخير عن أربيل");

    private Ingested Ingest(string middle) => Ingested.From(_input.Write("in.trec", First + middle + Last));

    [Test]
    public void Read_maps_fields_and_decodes_entities()
    {
        using var r = Ingest(Doc("SK-2-20180731", "2018-07-31T09:00:00+01:00", "نص &amp; &quot;مقتبس&quot; &#1575; Dolce&Gabbana &lt;b&gt;", title: " عنوان &amp; آخر "));
        Assert.That(r.Problems, Is.Empty);
        var a = r.Articles[1];
        Assert.That(a.Id, Is.EqualTo("SK-2-20180731"));
        Assert.That(a.Title, Is.EqualTo("عنوان & آخر"));
        Assert.That(a.Body, Is.EqualTo("نص & \"مقتبس\" ا Dolce&Gabbana <b>"), "entities decoded, a bare & kept");
        Assert.That(a.Source, Is.EqualTo("skynews"));
        Assert.That(a.Url, Is.EqualTo("https://example.com/SK-2-20180731"));
        Assert.That(a.Published, Is.EqualTo(new DateOnly(2018, 7, 31)));
        Assert.That(r.Engine.Count, Is.EqualTo(3));
    }

    [Test]
    public void Read_gzip_collection_is_streamed()
    {
        var path = Path.Combine(_input.Dir, "in.trec.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes(First + Last));
        using var r = Ingested.From(path);
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Articles.Select(a => a.Published), Is.EqualTo(new DateOnly?[] { new(2018, 7, 30), new(2018, 8, 1) }));
    }

    [Test]
    public void Read_unclosed_field_tag_skips_the_record_with_its_docno()
    {
        using var r = Ingest(Doc("SK-2-20180731", "2018-07-31", "نص", title: "عنوان بلا إغلاق</TITEL>").Replace("</TITLE>", "", StringComparison.Ordinal));
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.trec: SK-2-20180731: unclosed <TITLE> tag; record skipped" }));
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "SK-1-20180730", "SK-3-20180801" }));
    }

    [Test]
    public void Read_unclosed_text_tag_skips_the_record_with_its_docno()
    {
        using var r = Ingest(Doc("SK-2-20180731", "2018-07-31", "نص").Replace("</TEXT>", "", StringComparison.Ordinal));
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.trec: SK-2-20180731: unclosed <TEXT> tag; record skipped" }));
        Assert.That(r.Engine.Count, Is.EqualTo(2));
    }

    [Test]
    public void Read_doc_not_closed_before_the_next_doc_is_skipped_and_the_next_read()
    {
        // Each record is 15 lines: the unclosed one opens on line 16 and the next <DOC> is on line 31.
        using var r = Ingest(Doc("SK-2-20180731", "2018-07-31", "نص").Replace("</DOC>", "", StringComparison.Ordinal));
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.trec: SK-2-20180731: <DOC> opened at line 16 is not closed before the next <DOC> (line 31); record skipped" }));
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "SK-1-20180730", "SK-3-20180801" }));
    }

    [Test]
    public void Read_doc_not_closed_at_end_of_file_is_reported()
    {
        using var r = Ingested.From(_input.Write("in.trec", First + "<DOC>\n<DOCNO>SK-9</DOCNO>\n<TEXT>\nنص مقطوع"));
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.trec: SK-9: <DOC> opened at line 16 is not closed at the end of the file; record skipped" }));
        Assert.That(r.Articles.Select(a => a.Id), Is.EqualTo(new[] { "SK-1-20180730" }));
    }

    [Test]
    public void Read_unclosed_doc_without_docno_is_reported_by_line()
    {
        using var r = Ingest("<DOC>\n<TITLE>عنوان\n");
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.trec:16: <DOC> opened at line 16 is not closed before the next <DOC> (line 18); record skipped" }));
        Assert.That(r.Engine.Count, Is.EqualTo(2));
    }

    [Test]
    public void Read_record_without_docno_is_reported_by_line()
    {
        using var r = Ingest("<DOC>\n<TITLE>عنوان</TITLE>\n<TEXT>نص</TEXT>\n</DOC>\n");
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.trec:16: record without a <DOCNO>; skipped" }));
        Assert.That(r.Engine.Count, Is.EqualTo(2));
    }

    [Test]
    public void Read_stray_close_and_text_outside_records_are_reported_by_line()
    {
        using var r = Ingest("</DOC>\nكلام خارج السجلات\nوسطر آخر\n");
        Assert.That(r.Problems, Is.EqualTo(new[]
        {
            "in.trec:16: </DOC> without a matching <DOC>; ignored",
            "in.trec:17: text outside a <DOC> record; ignored",
        }));
        Assert.That(r.Engine.Count, Is.EqualTo(2));
    }

    [Test]
    public void Read_records_on_one_line_are_read()
    {
        using var r = Ingested.From(_input.Write("in.trec",
            "<DOC><DOCNO>A-1</DOCNO><TEXT>نص أول</TEXT></DOC><DOC><DOCNO>A-2</DOCNO><TITLE>عنوان</TITLE></DOC>\n"));
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Articles.Select(a => (a.Id, a.Body, a.Title)), Is.EqualTo(new[] { ("A-1", "نص أول", ""), ("A-2", "", "عنوان") }));
    }

    [Test]
    public void Read_empty_text_falls_back_to_the_abstract()
    {
        using var r = Ingest(Doc("SK-2-20180731", "2018-07-31", ""));
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Articles[1].Body, Is.EqualTo("ملخص"));
    }

    [Test]
    public void Read_unparseable_time_is_dated_from_the_docno_and_reported()
    {
        using var r = Ingest(Doc("JA-culture-7-20170120", "قريبا", "نص"));
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.trec: JA-culture-7-20170120: unparseable <TIME> \"قريبا\"; dated 2017-01-20 from the DOCNO" }));
        Assert.That(r.Articles[1].Published, Is.EqualTo(new DateOnly(2017, 1, 20)));
    }

    [Test]
    public void Read_unparseable_time_without_docno_date_is_indexed_undated()
    {
        using var r = Ingest(Doc("92", "32/13/2017", "نص بلا تاريخ"));
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.trec: 92: unparseable <TIME> \"32/13/2017\"; indexed undated" }));
        Assert.That(r.Articles[1].Published, Is.Null);
        Assert.That(r.Find("تاريخ"), Is.EqualTo(new[] { "92" }));
    }

    [Test]
    public void Read_missing_time_is_dated_from_the_docno_silently()
    {
        using var r = Ingest(Doc("JA-diverse-41-09062016", "", "نص"));
        Assert.That(r.Problems, Is.Empty);
        Assert.That(r.Articles[1].Published, Is.EqualTo(new DateOnly(2016, 6, 9)));
    }

    [Test]
    public void Read_invalid_utf8_is_stored_as_replacement_character_and_reported()
    {
        var bytes = Encoding.UTF8.GetBytes(First).Concat(Encoding.UTF8.GetBytes("<DOC>\n<DOCNO>X-1</DOCNO>\n<TEXT>نص "))
            .Concat(new byte[] { 0xFE }).Concat(Encoding.UTF8.GetBytes(" تالف</TEXT>\n</DOC>\n")).ToArray();
        using var r = Ingested.From(_input.Write("in.trec", bytes));
        Assert.That(r.Problems, Is.EqualTo(new[] { "in.trec: X-1: invalid UTF-8 replaced with U+FFFD; indexed" }));
        Assert.That(r.Articles[1].Body, Is.EqualTo("نص \uFFFD تالف"));
    }

    private static byte[] GzipOfManyRecords()
    {
        var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(First));
            for (int i = 0; i < 300; i++) gz.Write(Encoding.UTF8.GetBytes(Doc($"SK-{i + 10}-20180802", "2018-08-02", $"نص رقم {i} " + new string('ن', i))));
        }
        return buffer.ToArray();
    }

    [Test]
    public void Read_corrupt_gzip_keeps_the_records_before_and_reports_where_it_stopped()
    {
        var bytes = GzipOfManyRecords();
        bytes[^8] ^= 0xFF; // the trailer's CRC-32: the stream decodes, then fails its check
        using var r = Ingested.From(_input.Write("bad.trec.gz", bytes));
        Assert.That(r.Problems, Has.Count.EqualTo(1));
        Assert.That(r.Problems[0], Does.Match(@"^bad\.trec\.gz: cannot be read after bad\.trec\.gz: SK-\d+-20180802 \(.+\); the rest of the file is skipped$"));
        Assert.That(r.Articles, Has.Count.GreaterThan(1).And.Count.LessThanOrEqualTo(301));
        Assert.That(r.Articles[0].Id, Is.EqualTo("SK-1-20180730"));
    }

    [Test]
    public void Read_truncated_gzip_reports_the_cut_record()
    {
        var bytes = GzipOfManyRecords();
        using var r = Ingested.From(_input.Write("cut.trec.gz", bytes[..(bytes.Length / 2)]));
        Assert.That(r.Problems, Has.Count.EqualTo(1));
        Assert.That(r.Problems[0], Does.Match(@"^cut\.trec\.gz: truncated at record (\d+) \(the gzip file ends early: .+\); the \d+ record\(s\) before it were read$"));
        Assert.That(r.Articles, Has.Count.GreaterThan(1).And.Count.LessThan(301));
    }
}
