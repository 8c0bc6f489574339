using System.Text.Json;

namespace ArabicSearch.Tests.Cli;

/// <summary>Issue #17 in the CLI: <c>suggest</c>, <c>search --after</c> with <c>nextCursor</c>, and "did you mean" in <c>search</c>.</summary>
public class NewsBoxCliTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void Index()
    {
        _dir = Directory.CreateTempSubdirectory("arabicsearch-newsbox-").FullName;
        var index = CliRunner.Run("index", SeedCorpus.Path, "--index", _dir);
        Assert.That(index.ExitCode, Is.Zero, index.Error);
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_dir, recursive: true);

    private JsonElement Json(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.Clone();
    }

    [Test]
    public void Suggest_json_lists_completions_most_frequent_first()
    {
        var json = Json("suggest", "خلا", "--index", _dir, "--json");

        var first = json.GetProperty("completions")[0];
        Assert.That(first.GetProperty("text").GetString(), Is.EqualTo("خلايا"));
        Assert.That(first.GetProperty("frequency").GetInt32(), Is.EqualTo(2));
        Assert.That(first.GetProperty("kind").GetString(), Is.EqualTo("word"));
    }

    [Test]
    public void Suggest_text_prints_one_completion_a_line()
    {
        var r = CliRunner.Run("suggest", "خلا", "--index", _dir, "--top", "2");

        Assert.That(r.ExitCode, Is.Zero, r.Error);
        Assert.That(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
        Assert.That(r.Out, Does.StartWith("خلايا\t2\tword"));
    }

    [TestCase("0")]
    [TestCase("101")]
    public void Suggest_top_out_of_range_exits_2(string top)
    {
        var r = CliRunner.Run("suggest", "ال", "--index", _dir, "--top", top);

        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error, Does.Contain("--top"));
    }

    [TestCase("relevance")]
    [TestCase("date")]
    public void Search_after_pages_through_every_match_with_next_cursor(string sort)
    {
        var all = Json("search", "--index", _dir, "--json", "--top", "50", "--sort", sort, "بايدن العراق الكاتيوشا");
        var expected = all.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();
        Assert.That(all.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var paged = new List<string?>();
        string? cursor = null;
        do
        {
            string[] args = ["search", "--index", _dir, "--json", "--top", "2", "--sort", sort, "بايدن العراق الكاتيوشا"];
            var page = Json(cursor is null ? args : [.. args, "--after", cursor]);
            paged.AddRange(page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null && paged.Count <= expected.Count);

        Assert.That(paged, Is.EqualTo(expected));
    }

    [Test]
    public void Search_after_malformed_cursor_exits_2()
    {
        var r = CliRunner.Run("search", "--index", _dir, "--after", "garbage", "بايدن");

        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error, Does.Contain("cursor").And.Not.Contain("   at "));
    }

    [Test]
    public void Search_after_cursor_of_another_query_exits_2_with_one_line()
    {
        var first = Json("search", "--index", _dir, "--json", "--top", "1", "بايدن العراق الكاتيوشا");
        string cursor = first.GetProperty("nextCursor").GetString()!;

        var r = CliRunner.Run("search", "--index", _dir, "--after", cursor, "--entity", "الكاظمي", "بايدن العراق الكاتيوشا");

        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(r.Error, Does.StartWith("error: The cursor was made for another query"));
        Assert.That(r.Out, Is.Empty);
    }

    [Test]
    public void Search_json_gives_suggestions_for_a_misspelled_word()
    {
        var json = Json("search", "--index", _dir, "--json", "الكاتيوشو في العراق");

        var suggestions = json.GetProperty("suggestions");
        Assert.That(suggestions.GetProperty("correctedText").GetString(), Is.EqualTo("الكاتيوشا في العراق"));
        var word = suggestions.GetProperty("words")[0];
        Assert.That(word.GetProperty("word").GetString(), Is.EqualTo("الكاتيوشو"));
        Assert.That(word.GetProperty("suggestions")[0].GetString(), Is.EqualTo("الكاتيوشا"));
    }

    [Test]
    public void Search_json_has_no_suggestions_key_when_the_words_are_known()
    {
        var json = Json("search", "--index", _dir, "--json", "بايدن");

        Assert.That(json.TryGetProperty("suggestions", out _), Is.False);
    }

    [Test]
    public void Search_text_prints_did_you_mean()
    {
        var r = CliRunner.Run("search", "--index", _dir, "بايدين");

        Assert.That(r.ExitCode, Is.Zero, r.Error);
        Assert.That(r.Out, Does.Contain("did you mean: بايدن"));
    }

    [Test]
    public void Search_text_prints_did_you_mean_for_an_unknown_entity()
    {
        var r = CliRunner.Run("search", "--index", _dir, "--entity", "Trmp");

        Assert.That(r.ExitCode, Is.Zero, r.Error);
        Assert.That(r.Out, Does.Contain("did you mean: Trump"));
    }
}
