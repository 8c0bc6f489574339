using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace ArabicSearch.Ingestion;

/// <summary>One record read from an input file: an article, or why it was rejected, or both (an article indexed with a warning).</summary>
/// <param name="Article">The article to index, or null when the record was rejected.</param>
/// <param name="Problem">What was wrong, as <c>file:line: reason</c> (or <c>file: DOCNO: reason</c>), or null.</param>
public sealed record ReadRecord(Article? Article, string? Problem);

/// <summary>
/// Reads articles from JSON Lines files (<c>.jsonl</c>, <c>.jsonl.gz</c>): one object a line with <c>id</c> and
/// <c>body</c> (required) and <c>title</c>, <c>source</c>, <c>url</c>, <c>published</c> (optional).
/// A bad record is reported with its line and skipped; every good record is returned.
/// </summary>
/// <remarks>
/// Rules: a UTF-8 byte order mark and CRLF line ends are accepted; invalid UTF-8 is replaced with U+FFFD;
/// a missing or empty id, a non-object line, invalid JSON, or a field of the wrong type rejects the record;
/// an unparseable <c>published</c> is reported and the article is indexed undated. Duplicate ids: the last wins.
/// </remarks>
public static class JsonLinesReader
{
    /// <summary>Reads <paramref name="path"/>; gzip when it ends in <c>.gz</c>.</summary>
    public static IEnumerable<ReadRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = OpenMaybeGzip(path);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        string name = Path.GetFileName(path);
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return Parse(line, $"{name}:{lineNo}");
        }
    }

    internal static Stream OpenMaybeGzip(string path)
    {
        Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(s, CompressionMode.Decompress) : s;
    }

    /// <summary>Parses one line; <paramref name="where"/> prefixes any problem.</summary>
    public static ReadRecord Parse(string line, string where)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line.TrimStart('\uFEFF'));
        }
        catch (JsonException e)
        {
            return new ReadRecord(null, $"{where}: invalid JSON ({Reason(e)})");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new ReadRecord(null, $"{where}: expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}");
            string? problem = null;
            string? id = Text(root, "id", ref problem, allowNumber: true);
            if (problem is not null) return new ReadRecord(null, $"{where}: {problem}");
            if (string.IsNullOrWhiteSpace(id)) return new ReadRecord(null, $"{where}: missing or empty \"id\"");
            string? body = Text(root, "body", ref problem);
            string? title = Text(root, "title", ref problem);
            string? source = Text(root, "source", ref problem);
            string? url = Text(root, "url", ref problem);
            if (problem is not null) return new ReadRecord(null, $"{where}: id {id}: {problem}");
            if (body is null && title is null) return new ReadRecord(null, $"{where}: id {id}: neither \"body\" nor \"title\"");

            DateOnly? published = null;
            string? warning = null;
            if (root.TryGetProperty("published", out var p) && p.ValueKind != JsonValueKind.Null)
            {
                if (p.ValueKind == JsonValueKind.String && DateParsing.TryParseIso(p.GetString()!, out var d)) published = d;
                else warning = $"{where}: id {id}: unparseable \"published\" {Shorten(p.GetRawText())}; indexed undated";
            }
            var article = new Article(id, body ?? "") { Title = title ?? "", Source = source ?? "", Url = url ?? "", Published = published };
            return new ReadRecord(article, warning);
        }
    }

    private static string? Text(JsonElement root, string name, ref string? problem, bool allowNumber = false)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        if (allowNumber && v.ValueKind == JsonValueKind.Number) return v.GetRawText();
        problem ??= $"\"{name}\" must be a string, found {v.ValueKind.ToString().ToLowerInvariant()}";
        return null;
    }

    private static string Reason(JsonException e)
    {
        var m = e.Message;
        int cut = m.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? m[..cut].TrimEnd('.', ' ') : m;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
