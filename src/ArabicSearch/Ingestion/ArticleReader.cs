using System.Text;
using System.Text.Json;

namespace ArabicSearch.Ingestion;

/// <summary>One record read from an input file: an article, or why it was rejected, or both (an article indexed with a warning).</summary>
/// <param name="Article">The article to index, or null when the record was rejected.</param>
/// <param name="Problem">What was wrong, as <c>file:line: reason</c> (or <c>file: DOCNO: reason</c>), or null.</param>
public sealed record ReadRecord(Article? Article, string? Problem)
{
    /// <summary>Where the record is, as problems name it (<c>file:line</c> or <c>file: DOCNO</c>), when known.</summary>
    public string? Where { get; init; }
}

/// <summary>
/// Reads articles from JSON Lines files (<c>.jsonl</c>, <c>.jsonl.gz</c>): one object a line with <c>id</c> and
/// <c>body</c> (required) and <c>title</c>, <c>source</c>, <c>url</c>, <c>published</c>, <c>category</c>, <c>author</c> (optional).
/// A bad record is reported with its line and skipped; every good record is returned.
/// </summary>
/// <remarks>
/// Rules: a UTF-8 byte order mark and CRLF line ends are accepted silently. Invalid UTF-8 bytes and escaped lone
/// surrogates (<c>"\ud800"</c>) are stored as U+FFFD and reported, and the article is indexed. A missing or empty id,
/// a non-object line, invalid JSON (reported as <c>file:line: invalid JSON (reason, at byte N of the line)</c>), or a
/// field of the wrong type (a number is accepted as an id) rejects the record. An unparseable <c>published</c> (read by
/// <see cref="DateParsing.TryParse"/>) is reported and the article is indexed undated; an empty or blank one, like a
/// missing one or <c>null</c>, is no date and no problem. A duplicate key in a record, or a body over <see cref="ArticleFiles.MaxBodyChars"/>, rejects the
/// record. Duplicate ids within a file or across runs: the last one read wins (the index updates by id).
/// </remarks>
public static class JsonLinesReader
{
    /// <summary>Reads <paramref name="path"/>; gzip when it ends in <c>.gz</c>.</summary>
    public static IEnumerable<ReadRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = OpenMaybeGzip(path);
        string name = Path.GetFileName(path);
        int lineNo = 0;
        foreach (var line in Utf8Lines.Read(stream))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            yield return Parse(line.Text, $"{name}:{lineNo}", line.InvalidUtf8);
        }
    }

    internal static Stream OpenMaybeGzip(string path)
    {
        var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GzipInput(s) : s;
    }

    // A duplicate key makes a record ambiguous (which "body" is meant?), so it is rejected, as Elasticsearch does.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>Parses one line; <paramref name="where"/> prefixes any problem.</summary>
    public static ReadRecord Parse(string line, string where) => Parse(line, where, invalidUtf8: false);

    private static ReadRecord Parse(string line, string where, bool invalidUtf8)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line.TrimStart('\uFEFF'), Strict);
        }
        catch (JsonException e)
        {
            return new ReadRecord(null, $"{where}: invalid JSON ({Reason(e)})") { Where = where };
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Reject(where, $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}");
            string? problem = null;
            bool surrogates = false;
            string? id = Text(root, "id", ref problem, ref surrogates, allowNumber: true);
            if (problem is not null) return Reject(where, problem);
            if (string.IsNullOrWhiteSpace(id)) return Reject(where, "missing or empty \"id\"");
            id = id.Trim();
            string? body = Text(root, "body", ref problem, ref surrogates);
            string? title = Text(root, "title", ref problem, ref surrogates);
            string? source = Text(root, "source", ref problem, ref surrogates);
            string? url = Text(root, "url", ref problem, ref surrogates);
            string? category = Text(root, "category", ref problem, ref surrogates);
            string? author = Text(root, "author", ref problem, ref surrogates);
            if (problem is not null) return Reject(where, $"id {ShowId(id)}: {problem}");
            if (body is null && title is null) return Reject(where, $"id {ShowId(id)}: neither \"body\" nor \"title\"");
            if (body?.Length > ArticleFiles.MaxBodyChars) return Reject(where, $"id {ShowId(id)}: {ArticleFiles.BodyTooLong(body.Length)}");

            // Problems that do not reject the record: one line names them all, then says it was indexed.
            var notes = new List<string>(0);
            if (invalidUtf8) notes.Add("invalid UTF-8 replaced with U+FFFD");
            if (surrogates) notes.Add("lone surrogate escapes replaced with U+FFFD");
            DateOnly? published = null;
            // An empty or blank date is an absent one (exporters write "" for unknown), not an unparseable one.
            if (root.TryGetProperty("published", out var p) && p.ValueKind != JsonValueKind.Null
                && !(p.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(p.GetString())))
            {
                if (p.ValueKind == JsonValueKind.String && DateParsing.TryParse(p.GetString() ?? "", out var d)) published = d;
                else notes.Add($"unparseable \"published\" {Shorten(p.GetRawText())}; indexed undated");
            }
            var article = new Article(id, body ?? "") { Title = title ?? "", Source = source ?? "", Url = url ?? "", Published = published, Category = category ?? "", Author = author ?? "" };
            string? warning = notes.Count == 0 ? null
                : $"{where}: id {ShowId(id)}: {string.Join("; ", notes)}" + (published is null && notes[^1].EndsWith("undated", StringComparison.Ordinal) ? "" : "; indexed");
            return new ReadRecord(article, warning) { Where = where };
        }
    }

    private static ReadRecord Reject(string where, string reason) => new(null, $"{where}: {reason}") { Where = where };

    private static string? Text(JsonElement root, string name, ref string? problem, ref bool surrogates, bool allowNumber = false)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String)
        {
            if (JsonStrings.TryGet(v, out var text)) return text;
            surrogates = true;
            return text;
        }
        if (allowNumber && v.ValueKind == JsonValueKind.Number) return v.GetRawText();
        problem ??= $"\"{name}\" must be a string, found {v.ValueKind.ToString().ToLowerInvariant()}";
        return null;
    }

    /// <summary>
    /// The parser's reason without its position suffix (<c>LineNumber: 0 | BytePositionInLine: 1.</c>, <c>Path: …</c>):
    /// each line is parsed alone, so its line number is always 0, which misleads next to the file's line; the byte
    /// position is kept, as <c>at byte N of the line</c> (counted from 0, in UTF-8).
    /// </summary>
    private static string Reason(JsonException e)
    {
        var m = e.Message;
        foreach (var marker in (ReadOnlySpan<string>)[" Path:", " LineNumber:"])
        {
            int cut = m.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0) m = m[..cut];
        }
        m = m.TrimEnd('.', ' ');
        return e.BytePositionInLine is { } at ? $"{m}, at byte {at} of the line" : m;
    }

    /// <summary>An id as problem lines show it: at most 80 characters.</summary>
    internal static string ShowId(string id) => id.Length <= 80 ? id : id[..80] + "…";

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
