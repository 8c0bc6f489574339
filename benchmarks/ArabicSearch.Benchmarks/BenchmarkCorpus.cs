using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// The benchmark articles: ../shared/corpora/ant-multisource-v2.1.trec.gz (found by walking up from the working
/// folder), or corpus/seeds.jsonl with a warning when the shared corpus is absent. Read once per process.
/// </summary>
/// <remarks>
/// A deliberately small TREC reader (DOCNO, TITLE, TEXT, SRC, URL, TIME → publication day), enough for timing;
/// the library's own ingestion is the place for a complete one.
/// </remarks>
public static partial class BenchmarkCorpus
{
    private static readonly Lazy<IReadOnlyList<Article>> All = new(Load);

    /// <summary>Every article of the corpus, in file order.</summary>
    public static IReadOnlyList<Article> Articles => All.Value;

    /// <summary>
    /// At most <paramref name="max"/> articles, spread evenly over the whole file (every k-th article) so that a
    /// subset mixes all sources and months rather than taking the first outlet's first category.
    /// </summary>
    public static IReadOnlyList<Article> Sample(int max)
    {
        var all = All.Value;
        if (max >= all.Count) return all;
        var list = new List<Article>(max);
        for (int i = 0; i < max; i++) list.Add(all[(int)((long)i * all.Count / max)]);
        return list;
    }

    /// <summary>The bodies of <see cref="Sample"/>.</summary>
    public static IReadOnlyList<string> Texts(int max) => Sample(max).Select(a => a.Body).ToList();

    /// <summary>UTF-8 size of the headlines and bodies, the "bytes processed" of every MB/s figure.</summary>
    public static long Utf8Bytes(IEnumerable<Article> articles) =>
        articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Title) + Encoding.UTF8.GetByteCount(a.Body));

    private static List<Article> Load()
    {
        var trec = FindUp(Path.Combine("shared", "corpora", "ant-multisource-v2.1.trec.gz"));
        if (trec is not null)
        {
            // A smoke run reads only the head of the file: its subsets are small and its figures are not compared.
            var list = ReadTrec(trec, BenchRun.Small ? 4_000 : int.MaxValue);
            Console.WriteLine($"// benchmark corpus: {trec}, {list.Count:N0} articles{(BenchRun.Small ? " (smoke run: the first 4,000 only)" : "")}");
            return list;
        }
        var seeds = FindUp(Path.Combine("corpus", "seeds.jsonl")) ?? throw new FileNotFoundException("neither ../shared/corpora/ant-multisource-v2.1.trec.gz nor corpus/seeds.jsonl was found");
        Console.WriteLine($"// WARNING: ../shared/corpora/ant-multisource-v2.1.trec.gz not found; falling back to {seeds} (figures are not comparable)");
        return Ingestion.JsonLinesReader.Read(seeds).Where(r => r.Article is not null).Select(r => r.Article!).ToList();
    }

    private static List<Article> ReadTrec(string path, int max)
    {
        var list = new List<Article>(32_000);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        var doc = new StringBuilder(16_384);
        bool inDoc = false;
        while (list.Count < max && reader.ReadLine() is { } line)
        {
            if (line.StartsWith("<DOC>", StringComparison.Ordinal)) { inDoc = true; doc.Clear(); continue; }
            if (!inDoc) continue;
            if (line.StartsWith("</DOC>", StringComparison.Ordinal))
            {
                inDoc = false;
                if (ToArticle(doc.ToString()) is { } a) list.Add(a);
                continue;
            }
            doc.Append(line).Append('\n');
        }
        return list;
    }

    private static Article? ToArticle(string doc)
    {
        string id = Tag(doc, "DOCNO");
        string body = Tag(doc, "TEXT");
        if (id.Length == 0) return null;
        return new Article(id, body)
        {
            Title = Tag(doc, "TITLE"),
            Source = Tag(doc, "SRC"),
            Url = Tag(doc, "URL"),
            Published = ParseDay(Tag(doc, "TIME")),
        };
    }

    private static string Tag(string doc, string name)
    {
        int open = doc.IndexOf($"<{name}>", StringComparison.Ordinal);
        if (open < 0) return "";
        open += name.Length + 2;
        int close = doc.IndexOf($"</{name}>", open, StringComparison.Ordinal);
        return close < 0 ? "" : doc[open..close].Trim();
    }

    /// <summary>The day of an RFC 1123 time as written (<c>Sun, 18 Feb 2018 21:35:43 +0400</c>), ignoring the zone.</summary>
    private static DateOnly? ParseDay(string time)
    {
        var m = DayMonthYear().Match(time);
        return m.Success && DateOnly.TryParseExact($"{m.Groups[1].Value.PadLeft(2, '0')} {m.Groups[2].Value} {m.Groups[3].Value}", "dd MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
            var sibling = dir.Parent is null ? null : Path.Combine(dir.Parent.FullName, relative);
            if (sibling is not null && File.Exists(sibling)) return sibling;
        }
        return null;
    }

    [GeneratedRegex(@"(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})")]
    private static partial Regex DayMonthYear();
}
