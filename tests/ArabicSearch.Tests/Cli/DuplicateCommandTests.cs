using System.Text.Json;

namespace ArabicSearch.Tests.Cli;

/// <summary>The duplicates, diff and search --collapse-duplicates commands on an on-disk index of the seeds.</summary>
[NonParallelizable] // swaps Console.Out and Console.Error
public class DuplicateCommandTests
{
    private string _dir = null!;
    private string _index = null!;

    [OneTimeSetUp]
    public void IndexSeeds()
    {
        _dir = Directory.CreateTempSubdirectory("arabicsearch-dup-").FullName;
        _index = Path.Combine(_dir, "idx");
        var r = CliRunner.Run("index", SeedCorpus.Path, "--index", _index);
        Assert.That(r.ExitCode, Is.Zero, r.Error);
    }

    [OneTimeTearDown]
    public void RemoveIndex() => Directory.Delete(_dir, recursive: true);

    private static string Id(string prefix) => SeedCorpus.Articles.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal)).Id;

    [Test]
    public void Duplicates_json_lists_the_one_group_with_its_similarity()
    {
        var r = CliRunner.Run("duplicates", "--index", _index, "--json");
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var group = doc.RootElement.GetProperty("groups").EnumerateArray().Single();
        Assert.That(group.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString()), Is.EqualTo(new[] { Id("000"), Id("001") }));
        Assert.That(group.GetProperty("similarity").GetDouble(), Is.InRange(DuplicateOptions.DefaultThreshold, 1.0));
        Assert.That(group.GetProperty("pairs")[0].GetProperty("relation").GetString(), Is.EqualTo("near-duplicate"));
    }

    [Test]
    public void Diff_json_lists_the_seven_insertions()
    {
        var r = CliRunner.Run("diff", "--index", _index, Id("000"), Id("001"), "--json");
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.That(doc.RootElement.GetProperty("added").EnumerateArray().Select(a => a.GetString()), Has.Exactly(7).Items.And.All.StartsWith("["));
        Assert.That(doc.RootElement.GetProperty("dropped").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void Search_collapse_duplicates_shows_one_copy_and_one_similar()
    {
        var r = CliRunner.Run("search", "--index", _index, "--phrase", "خلايا الكاتيوشا", "--collapse-duplicates", "--json");
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var hit = doc.RootElement.GetProperty("hits").EnumerateArray().Single();
        Assert.That(hit.GetProperty("similar").GetInt32(), Is.EqualTo(1));
        Assert.That(hit.GetProperty("similarIds")[0].GetString(), Is.AnyOf(Id("000"), Id("001")).And.Not.EqualTo(hit.GetProperty("id").GetString()));
    }

    [TestCase("duplicates", "--threshold", "0")]
    [TestCase("duplicates", "--threshold", "1.2")]
    [TestCase("duplicates", "--related-threshold", "-1")]
    public void Duplicates_bad_threshold_exits_2(params string[] args)
    {
        var r = CliRunner.Run([.. args, "--index", _index]);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error, Does.StartWith("error: ").And.Not.Contain("   at "));
    }

    // New-user trial: an unknown id exited 1, the code of a missing or damaged index; it is bad input (2).
    [TestCase("no-such-id", "000")]
    [TestCase("000", "no-such-id")]
    public void Diff_of_an_unknown_id_exits_2_with_one_line(string first, string second)
    {
        var r = CliRunner.Run("diff", "--index", _index, first == "no-such-id" ? first : Id(first), second == "no-such-id" ? second : Id(second));
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error.TrimEnd().Split('\n'), Is.EqualTo(new[] { "error: No article with id 'no-such-id'." }));
        Assert.That(r.Out, Is.Empty);
    }
}
