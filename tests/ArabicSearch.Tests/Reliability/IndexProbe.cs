using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArabicSearch.Tests.Reliability;

/// <summary>Looks at an index below the engine, as a fresh process would, and makes test articles.</summary>
internal static class IndexProbe
{
    private static readonly string[] Words = ["بغداد", "الحكومة", "الكاظمي", "الصواريخ", "المنطقة", "الخضراء", "السفارة", "هجوم", "العراق", "وزير"];

    /// <summary>The ids of the live articles in the directory's latest commit.</summary>
    public static HashSet<string> CommittedIds(LuceneDirectory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var live = MultiFields.GetLiveDocs(reader);
        for (int i = 0; i < reader.MaxDoc; i++)
        {
            if (live is not null && !live.Get(i)) continue;
            ids.Add(reader.Document(i).Get(FieldNames.Id) ?? throw new InvalidOperationException($"document {i} has no id"));
        }
        return ids;
    }

    /// <summary>An index of ten articles in <paramref name="temp"/> whose commit point (every segments file) was then lost; its path.</summary>
    public static string WithoutCommitPoint(TempFolder temp)
    {
        string index = temp.Combine("idx");
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index }))
        {
            engine.AddOrUpdate(Articles("a", 10));
            engine.Commit();
        }
        foreach (var f in System.IO.Directory.GetFiles(index, "segments*")) File.Delete(f);
        return index;
    }

    public static List<Article> Articles(string prefix, int count, int version = 0) =>
        Enumerable.Range(0, count).Select(i => Article($"{prefix}-{i:D4}", version, i)).ToList();

    public static Article Article(string id, int version, int salt = 0)
    {
        var words = Enumerable.Range(0, 30 + salt % 17).Select(j => Words[(j * 7 + salt) % Words.Length]);
        return new Article(id, string.Join(' ', words)) { Title = $"v{version}", Source = "test", Published = new DateOnly(2021, 7, 1 + salt % 28) };
    }
}
