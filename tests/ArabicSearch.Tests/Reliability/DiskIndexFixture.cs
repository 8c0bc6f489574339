namespace ArabicSearch.Tests.Reliability;

/// <summary>A fresh on-disk index for each test: the seed articles and 200 probe articles, committed.</summary>
public abstract class DiskIndexFixture
{
    private protected TempFolder Temp { get; private set; } = null!;

    protected string IndexPath { get; private set; } = null!;

    [SetUp]
    public void IndexSeedsAndProbes()
    {
        Temp = new TempFolder();
        IndexPath = Temp.Combine("idx");
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexPath });
        engine.AddOrUpdate(SeedCorpus.Articles);
        engine.AddOrUpdate(IndexProbe.Articles("x", 200));
        engine.Commit();
    }

    [TearDown]
    public void RemoveFolder() => Temp.Dispose();
}
