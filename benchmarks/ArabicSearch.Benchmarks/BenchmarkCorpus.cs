using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// The benchmark text: bodies from ../shared/corpora/ant-multisource-v2.1.trec.gz (found by walking up from the
/// working folder), or corpus/seeds.jsonl with a warning when the shared corpus is absent.
/// </summary>
public static partial class BenchmarkCorpus
{
    public static IReadOnlyList<string> Texts(int max)
    {
        var trec = FindUp(Path.Combine("shared", "corpora", "ant-multisource-v2.1.trec.gz"));
        if (trec is not null)
        {
            var list = new List<string>();
            using var reader = new StreamReader(new GZipStream(File.OpenRead(trec), CompressionMode.Decompress), Encoding.UTF8);
            var all = reader.ReadToEnd();
            foreach (Match m in TextTag().Matches(all))
            {
                list.Add(m.Groups[1].Value.Trim());
                if (list.Count >= max) break;
            }
            Console.WriteLine($"// benchmark corpus: {trec}, {list.Count} articles");
            return list;
        }
        var seeds = FindUp(Path.Combine("corpus", "seeds.jsonl")) ?? throw new FileNotFoundException("neither ../shared/corpora nor corpus/seeds.jsonl was found");
        Console.WriteLine($"// WARNING: ../shared/corpora/ant-multisource-v2.1.trec.gz not found; falling back to {seeds}");
        return Ingestion.JsonLinesReader.Read(seeds).Where(r => r.Article is not null).Select(r => r.Article!.Body).ToList();
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

    [GeneratedRegex(@"<TEXT>(.*?)</TEXT>", RegexOptions.Singleline)]
    private static partial Regex TextTag();
}
