namespace ArabicSearch.Tests.Reliability;

/// <summary>On the command line a hostile query is exit code 2 with one line on stderr.</summary>
public class HostileQueryCliTests
{
    private TempFolder _temp = null!;
    private string _index = null!;

    [OneTimeSetUp]
    public void Index()
    {
        _temp = new TempFolder();
        _index = _temp.Combine("idx");
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _index });
        engine.AddOrUpdate(SeedCorpus.Articles);
        engine.Commit();
    }

    [OneTimeTearDown]
    public void Remove() => _temp.Dispose();

    [TestCase("/ب.*/")]
    [TestCase("*داد")]
    [TestCase("بغداد AND (")]
    public void Search_hostile_lucene_text_exits_2(string text) => ExitsTwo("search", "--index", _index, "--syntax", "lucene", text);

    [TestCase("/ب.*/")]
    [TestCase("*داد")]
    [TestCase("بغداد AND (")]
    public void Search_hostile_text_is_words_in_the_default_syntax(string text)
    {
        var (code, _, err) = CliHost.Run("search", "--index", _index, text);
        Assert.That(code, Is.Zero, err);
    }

    [Test]
    public void Search_deep_nesting_exits_2() =>
        ExitsTwo("search", "--index", _index, "--syntax", "lucene", new string('(', 500) + "بغداد" + new string(')', 500));

    [Test]
    public void Search_long_query_exits_2() =>
        ExitsTwo("search", "--index", _index, string.Join(' ', Enumerable.Repeat("بغداد", 2_000)));

    [TestCase("--top", "100000000")]
    [TestCase("--top", "-5")]
    [TestCase("--skip", "-1")]
    public void Search_bad_paging_exits_2(string option, string value) => ExitsTwo("search", "--index", _index, "بغداد", option, value);

    private static void ExitsTwo(params string[] args)
    {
        var (code, _, err) = CliHost.Run(args);
        Assert.That(code, Is.EqualTo(2), err);
        Assert.That(err.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        Assert.That(err, Does.StartWith("error: "));
    }
}
