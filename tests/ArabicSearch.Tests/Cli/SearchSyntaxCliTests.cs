using System.Text.Json;

namespace ArabicSearch.Tests.Cli;

/// <summary>The CLI's default syntax is a search box's: issue #11's inputs exit 0 with JSON, never a parse error.</summary>
public class SearchSyntaxCliTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void Index()
    {
        _dir = Directory.CreateTempSubdirectory("arabicsearch-syntax-").FullName;
        var index = CliRunner.Run("index", SeedCorpus.Path, "--index", _dir);
        Assert.That(index.ExitCode, Is.Zero, index.Error);
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_dir, recursive: true);

    private (int Total, string Ids) Search(params string[] args)
    {
        var r = CliRunner.Run(["search", "--index", _dir, "--json", "--top", "50", .. args]);
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        Assert.That(r.Error, Does.Not.Contain("   at "));
        using var doc = JsonDocument.Parse(r.Out);
        var ids = doc.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()![..3]).Order();
        return (doc.RootElement.GetProperty("total").GetInt32(), string.Join(" ", ids));
    }

    [TestCase("عاجل: ترامب")]
    [TestCase("ترامب: الصين")]
    [TestCase("كيم!")]
    [TestCase("\"خلايا الكاتيوشا")]
    [TestCase("الهجمات AND")]
    [TestCase("(أميركي)")]
    public void Search_default_syntax_answers_issue_inputs(string typed) => Search(typed);

    [TestCase("\"خلايا الكاتيوشا", "خلايا الكاتيوشا")]
    [TestCase("الهجمات AND", "الهجمات")]
    [TestCase("(أميركي)", "أميركي")]
    public void Search_default_syntax_matches_the_plain_words(string typed, string plain) =>
        Assert.That(Search(typed), Is.EqualTo(Search(plain)));

    [Test]
    public void Search_lucene_syntax_is_opt_in_and_reports_errors()
    {
        var r = CliRunner.Run("search", "--index", _dir, "--syntax", "lucene", "عاجل: \"ترامب");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void Search_plain_syntax_searches_the_words() =>
        Assert.That(Search("--syntax", "plain", "\"خلايا الكاتيوشا\"", "--phrase", "خلايا الكاتيوشا").Ids, Is.EqualTo("000 001"));
}
