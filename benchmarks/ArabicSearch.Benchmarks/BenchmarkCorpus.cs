using System.Text;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// The benchmark articles: ../shared/corpora/ant-multisource-v2.1.trec.gz (found by walking up from the working
/// folder), or corpus/seeds.jsonl with a warning when the shared corpus is absent. Read once per process.
/// </summary>
public static class BenchmarkCorpus
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

    /// <summary>The articles of a TREC file, read by the library's own streaming reader (as <c>arabicsearch index</c> reads them).</summary>
    private static List<Article> ReadTrec(string path, int max) =>
        Ingestion.TrecReader.Read(path).Where(r => r.Article is not null).Select(r => r.Article!).Take(max).ToList();

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
}
