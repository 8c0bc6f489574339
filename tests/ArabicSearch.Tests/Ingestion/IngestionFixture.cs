using System.Text;
using ArabicSearch.Ingestion;

namespace ArabicSearch.Tests.Ingestion;

/// <summary>A temporary folder for input files, and a way to index one the way the CLI does.</summary>
internal sealed class InputFolder : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("arabicsearch-input-").FullName;

    public string Write(string name, string text) => Write(name, new UTF8Encoding(false).GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

/// <summary>A fresh input folder for each test, with an index folder inside it.</summary>
public abstract class InputAndIndexFixture
{
    private protected InputFolder Input { get; private set; } = null!;
    private protected string IndexDir { get; private set; } = null!;

    [SetUp]
    public void CreateFolders()
    {
        Input = new InputFolder();
        IndexDir = Path.Combine(Input.Dir, "idx");
    }

    [TearDown]
    public void RemoveFolders() => Input.Dispose();
}

/// <summary>What reading and indexing one file gave: its problem lines, the articles read, and the index.</summary>
internal sealed class Ingested : IDisposable
{
    public required List<string> Problems { get; init; }
    public required List<Article> Articles { get; init; }
    public required ArabicSearchEngine Engine { get; init; }

    /// <summary>Reads <paramref name="path"/> with <see cref="ArticleFiles"/> and indexes every article into a fresh in-memory index.</summary>
    public static Ingested From(string path)
    {
        var problems = new List<string>();
        var articles = new List<Article>();
        var engine = ArabicSearchEngine.CreateInMemory();
        foreach (var record in ArticleFiles.Read(path))
        {
            if (record.Problem is not null) problems.Add(record.Problem);
            if (record.Article is null) continue;
            articles.Add(record.Article);
            engine.AddOrUpdate(record.Article);
        }
        engine.Commit();
        return new Ingested { Problems = problems, Articles = articles, Engine = engine };
    }

    /// <summary>The ids an indexed search for <paramref name="text"/> finds, sorted.</summary>
    public string[] Find(string text) =>
        Engine.Search(new SearchRequest { Text = text, Top = 100 }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => Engine.Dispose();
}
