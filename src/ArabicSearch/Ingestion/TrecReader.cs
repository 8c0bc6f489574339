using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ArabicSearch.Ingestion;

/// <summary>
/// Reads TREC-style collections (<c>.trec</c>, <c>.trec.gz</c>): a sequence of <c>&lt;DOC&gt;…&lt;/DOC&gt;</c> records
/// with <c>DOCNO</c>, <c>URL</c>, <c>SRC</c>, <c>CAT</c>, <c>TITLE</c>, <c>TIME</c>, <c>AUTHOR</c>, <c>ABSTRACT</c> and
/// <c>TEXT</c> fields, as the ANT collections are written. Streams record by record: memory is bounded by the largest
/// record, not the file.
/// </summary>
/// <remarks>
/// <para>Mapping: id = DOCNO, title = TITLE (or HEADLINE), body = TEXT (or ABSTRACT when TEXT is empty; ABSTRACT then TEXT when
/// ABSTRACT is the longer and TEXT is not a part of it, as in Al Arabiya's opinion columns whose TEXT is a one-line
/// disclaimer), source = SRC, category = CAT (or CATEGORY), author = AUTHOR,
/// url = URL, published = TIME (or DATE) in any form <see cref="DateParsing.TryParse"/> reads; when it is missing or
/// unreadable, a date the DOCNO ends in (<c>JA-culture-1-20170120</c>) is used. Field text is trimmed, HTML/XML
/// entities are decoded (a bare <c>&amp;</c> stays as written), inline markup tags are removed, and lone surrogates
/// become U+FFFD; invalid UTF-8 is read as U+FFFD and reported.</para>
/// <para>Problems are reported as <c>file: DOCNO: reason</c>, or <c>file:line: reason</c> when the record has no
/// DOCNO: a record not closed before the next <c>&lt;DOC&gt;</c> or the end of the file, an unclosed field tag,
/// a missing DOCNO, an empty record or a body over <see cref="ArticleFiles.MaxBodyChars"/> are skipped and the rest is read; an unparseable date is reported and the
/// article is indexed undated (or dated from its DOCNO).</para>
/// </remarks>
public static partial class TrecReader
{
    /// <summary>A record longer than this many characters is reported and skipped.</summary>
    internal const int MaxRecordChars = 64 * 1024 * 1024;

    private const string DocOpen = "<DOC>", DocClose = "</DOC>";

    /// <summary>Reads <paramref name="path"/>; gzip when it ends in <c>.gz</c>.</summary>
    public static IEnumerable<ReadRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = JsonLinesReader.OpenMaybeGzip(path);
        foreach (var r in Read(Utf8Lines.Read(stream), Path.GetFileName(path))) yield return r;
    }

    /// <summary>Reads records from <paramref name="lines"/>; <paramref name="name"/> prefixes every problem.</summary>
    internal static IEnumerable<ReadRecord> Read(IEnumerable<InputLine> lines, string name)
    {
        var record = new StringBuilder();
        bool inside = false, oversized = false, reportedOutside = false, invalidUtf8 = false;
        int startLine = 0, lineNo = 0;
        foreach (var input in lines)
        {
            string line = input.Text;
            lineNo++;
            int pos = 0;
            while (pos <= line.Length)
            {
                if (!inside)
                {
                    int open = line.IndexOf(DocOpen, pos, StringComparison.OrdinalIgnoreCase);
                    int close = line.IndexOf(DocClose, pos, StringComparison.OrdinalIgnoreCase);
                    var before = line.AsSpan(pos, (open < 0 ? line.Length : open) - pos);
                    if (close >= 0 && (open < 0 || close < open))
                    {
                        yield return Problem($"{name}:{lineNo}: {DocClose} without a matching {DocOpen}; ignored");
                        pos = close + DocClose.Length;
                        continue;
                    }
                    if (!before.IsWhiteSpace() && !reportedOutside)
                    {
                        reportedOutside = true;
                        yield return Problem($"{name}:{lineNo}: text outside a {DocOpen} record; ignored");
                    }
                    if (open < 0) break;
                    inside = true;
                    oversized = false;
                    invalidUtf8 = input.InvalidUtf8;
                    reportedOutside = false;
                    startLine = lineNo;
                    record.Clear();
                    pos = open + DocOpen.Length;
                }
                else
                {
                    int close = line.IndexOf(DocClose, pos, StringComparison.OrdinalIgnoreCase);
                    int open = line.IndexOf(DocOpen, pos, StringComparison.OrdinalIgnoreCase);
                    if (open >= 0 && (close < 0 || open < close))
                    {
                        Append(record, line.AsSpan(pos, open - pos), ref oversized);
                        yield return Unclosed(name, record, startLine, $"is not closed before the next {DocOpen} (line {lineNo})");
                        inside = false;
                        pos = open; // read the new record's <DOC> in the outside state
                        continue;
                    }
                    invalidUtf8 |= input.InvalidUtf8;
                    if (close < 0)
                    {
                        Append(record, line.AsSpan(pos), ref oversized);
                        Append(record, "\n", ref oversized);
                        break;
                    }
                    Append(record, line.AsSpan(pos, close - pos), ref oversized);
                    inside = false;
                    yield return oversized
                        ? Problem($"{Where(name, record, startLine)}: record longer than {MaxRecordChars:N0} characters; skipped")
                        : ParseRecord(record.ToString(), name, startLine, invalidUtf8);
                    pos = close + DocClose.Length;
                }
            }
        }
        if (inside) yield return Unclosed(name, record, startLine, "is not closed at the end of the file");
    }

    /// <summary>Parses the text between <c>&lt;DOC&gt;</c> and <c>&lt;/DOC&gt;</c>; <paramref name="line"/> is where it starts.</summary>
    internal static ReadRecord ParseRecord(string content, string name, int line, bool invalidUtf8 = false)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? unclosed = null;
        int i = 0;
        while ((i = content.IndexOf('<', i)) >= 0)
        {
            int gt = content.IndexOf('>', i + 1);
            if (gt < 0) break;
            var tag = content.AsSpan(i + 1, gt - i - 1);
            if (tag.Length == 0 || tag.Length > 32 || !IsTagName(tag)) { i++; continue; }
            string tagName = tag.ToString();
            string closeTag = "</" + tagName + ">";
            int end = content.IndexOf(closeTag, gt + 1, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                if (IsKnownField(tagName)) unclosed ??= tagName.ToUpperInvariant();
                i = gt + 1;
                continue;
            }
            var value = content[(gt + 1)..end];
            fields[tagName] = fields.TryGetValue(tagName, out var earlier) ? earlier + "\n" + value : value;
            i = end + closeTag.Length;
        }

        string id = Clean(Field(fields, "DOCNO"));
        string where = id.Length > 0 ? $"{name}: {JsonLinesReader.ShowId(id)}" : $"{name}:{line}";
        if (unclosed is not null) return Problem($"{where}: unclosed <{unclosed}> tag; record skipped", where);
        if (id.Length == 0) return Problem($"{where}: record without a <DOCNO>; skipped", where);

        string title = Clean(Field(fields, "TITLE") ?? Field(fields, "HEADLINE"));
        string body = Clean(Field(fields, "TEXT"));
        if (body.Length == 0) body = Clean(Field(fields, "ABSTRACT"));
        else if (Clean(Field(fields, "ABSTRACT")) is { } abs && abs.Length > body.Length && !abs.Contains(body, StringComparison.Ordinal))
            body = abs + "\n" + body; // TEXT is boilerplate (Al Arabiya opinion columns: a one-line disclaimer) and ABSTRACT holds the column
        if (body.Length == 0 && title.Length == 0) return Problem($"{where}: empty record (no <TEXT>, <ABSTRACT> or <TITLE>); skipped", where);
        if (body.Length > ArticleFiles.MaxBodyChars) return Problem($"{where}: {ArticleFiles.BodyTooLong(body.Length)}", where);

        // Problems that do not reject the record: one line names them all.
        var notes = new List<string>(0);
        if (invalidUtf8) notes.Add("invalid UTF-8 replaced with U+FFFD");
        string time = Clean(Field(fields, "TIME") ?? Field(fields, "DATE"));
        DateOnly? published = null;
        if (time.Length > 0 && DateParsing.TryParse(time, out var d)) published = d;
        else if (DateParsing.TryParseTrailingDigits(id, out d))
        {
            published = d;
            if (time.Length > 0) notes.Add($"unparseable <TIME> \"{Shorten(time)}\"; dated {d:yyyy-MM-dd} from the DOCNO");
        }
        else if (time.Length > 0) notes.Add($"unparseable <TIME> \"{Shorten(time)}\"; indexed undated");
        string? warning = notes.Count == 0 ? null
            : $"{where}: {string.Join("; ", notes)}" + (notes[^1].StartsWith("unparseable", StringComparison.Ordinal) ? "" : "; indexed");

        var article = new Article(id, body)
        {
            Title = title,
            Source = Clean(Field(fields, "SRC")),
            Url = Clean(Field(fields, "URL")),
            Published = published,
            Category = Clean(Field(fields, "CAT") ?? Field(fields, "CATEGORY")),
            Author = Clean(Field(fields, "AUTHOR")),
        };
        return new ReadRecord(article, warning) { Where = where };
    }

    private static string? Field(Dictionary<string, string> fields, string tag) => fields.TryGetValue(tag, out var v) ? v : null;

    private static bool IsKnownField(string tag) => tag.ToUpperInvariant() is
        "DOCNO" or "URL" or "SRC" or "CAT" or "CATEGORY" or "TITLE" or "HEADLINE" or "TIME" or "DATE" or "AUTHOR" or "ABSTRACT" or "TEXT";

    private static bool IsTagName(ReadOnlySpan<char> tag)
    {
        if (!char.IsAsciiLetter(tag[0])) return false;
        foreach (var c in tag)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-') return false;
        return true;
    }

    /// <summary>Decodes entities, drops inline markup, trims, and makes the text well-formed UTF-16.</summary>
    internal static string Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        string s = raw;
        if (s.Contains('<', StringComparison.Ordinal)) s = Markup().Replace(s, " ");
        if (s.Contains('&', StringComparison.Ordinal)) s = WebUtility.HtmlDecode(s);
        return TextSanitizer.ReplaceLoneSurrogates(s.Trim());
    }

    [GeneratedRegex(@"<!\[CDATA\[|\]\]>|</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    private static void Append(StringBuilder record, ReadOnlySpan<char> text, ref bool oversized)
    {
        if (oversized) return;
        if (record.Length + text.Length > MaxRecordChars) { oversized = true; record.Clear(); return; }
        record.Append(text);
    }

    private static ReadRecord Unclosed(string name, StringBuilder record, int startLine, string what)
    {
        string where = Where(name, record, startLine);
        return Problem($"{where}: {DocOpen} opened at line {startLine} {what}; record skipped", where);
    }

    // The DOCNO when the partial record has one, else the line the record starts on.
    private static string Where(string name, StringBuilder record, int startLine)
    {
        var text = record.ToString();
        int a = text.IndexOf("<DOCNO>", StringComparison.OrdinalIgnoreCase);
        if (a >= 0)
        {
            int b = text.IndexOf("</DOCNO>", a, StringComparison.OrdinalIgnoreCase);
            if (b > a && Clean(text[(a + 7)..b]) is { Length: > 0 } id) return $"{name}: {JsonLinesReader.ShowId(id)}";
        }
        return $"{name}:{startLine}";
    }

    private static ReadRecord Problem(string problem, string? where = null) => new(null, problem) { Where = where };

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
