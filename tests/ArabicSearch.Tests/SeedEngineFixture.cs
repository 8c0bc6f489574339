namespace ArabicSearch.Tests;

/// <summary>A fixture with the seed corpus indexed once in memory, shared by the tests of one class.</summary>
public abstract class SeedEngineFixture
{
    protected ArabicSearchEngine Engine { get; private set; } = null!;

    [OneTimeSetUp]
    public void IndexSeeds() => Engine = SeedCorpus.InMemory();

    [OneTimeTearDown]
    public void DisposeEngine() => Engine.Dispose();

    /// <summary>The three-digit id prefixes of every hit, sorted.</summary>
    protected string Ids(SearchRequest r) => SeedCorpus.Ids(Engine.Search(r with { Top = 50 }));
}
