using System.Text.Json;

namespace ArabicSearch.Tests.Cli;

public class CliTests
{
    [Test]
    public void Demo_json_shows_hits_for_every_query_kind()
    {
        var r = CliRunner.Run("demo", "--json");
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.That(doc.RootElement.GetProperty("documents").GetInt32(), Is.EqualTo(5));
        foreach (var q in doc.RootElement.GetProperty("queries").EnumerateArray())
            Assert.That(q.GetProperty("results").GetProperty("total").GetInt32(), Is.GreaterThan(0), q.GetProperty("query").GetString());
    }

    [Test]
    public void Demo_text_names_each_query()
    {
        var r = CliRunner.Run("demo");
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        Assert.That(r.Out, Does.Contain("Exact phrase").And.Contain("Entity").And.Contain("July 2021"));
        Assert.That(r.Out, Does.Not.Contain("--after"), "the demo's index is in memory: no cursor can be used after it");
    }

    [Test]
    public void Search_on_a_missing_index_is_a_clear_error()
    {
        var r = CliRunner.Run("search", "--index", Path.Combine(Path.GetTempPath(), "no-such-index-" + Guid.NewGuid()), "بغداد");
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.Error, Does.StartWith("error: No index").And.Not.Contain("   at "));
    }

    [TestCase("search", "--index", "x", "--from", "2021-13-01")]   // bad date
    [TestCase("search", "--index", "x", "--sort", "alphabetical")]  // bad choice
    [TestCase("search")]                                             // missing --index
    [TestCase("no-such-command")]
    public void Bad_arguments_exit_2_without_a_stack_trace(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error, Does.Contain("error").And.Not.Contain("   at "));
    }

    [Test]
    public void Word_values_of_flags_are_read_in_any_letter_case()
    {
        var dir = Path.Combine(Path.GetTempPath(), "as-case-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.That(CliRunner.Run("index", SeedCorpus.Path, "--index", dir).ExitCode, Is.EqualTo(0));
            var lower = CliRunner.Run("search", "--index", dir, "--sort", "recent", "--half-life", "30", "--syntax", "plain", "--date-field", "mentioned", "--json", "بغداد");
            var upper = CliRunner.Run("search", "--index", dir, "--sort", "Recent", "--half-life", "30", "--syntax", "PLAIN", "--date-field", "Mentioned", "--json", "بغداد");
            Assert.That(lower.ExitCode, Is.Zero, lower.Error);
            Assert.That(upper.ExitCode, Is.Zero, upper.Error);
            Assert.That(upper.Out, Is.EqualTo(lower.Out));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    // Out-of-range values name the flag the user typed, not the library property behind it.
    [TestCase("--slop 50", "--slop is 50")]
    [TestCase("--half-life 0", "--half-life must be")]
    [TestCase("--skip -1", "--skip must be")]
    public void Out_of_range_flags_are_named_as_typed(string flag, string expected)
    {
        var dir = Path.Combine(Path.GetTempPath(), "as-flags-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.That(CliRunner.Run("index", SeedCorpus.Path, "--index", dir).ExitCode, Is.EqualTo(0));
            var args = new List<string> { "search", "--index", dir, "--sort", "recent", "--phrase", "بغداد العراق", "--stemmed" };
            args.AddRange(flag.Split(' '));
            args.Add("بغداد");
            var r = CliRunner.Run([.. args]);
            Assert.That(r.ExitCode, Is.EqualTo(2));
            Assert.That(r.Error.Trim(), Does.StartWith("error: " + expected).And.Not.Contain("PhraseSlop").And.Not.Contain("RecencyHalfLifeDays"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Analyze_json_gives_both_views_with_offsets_into_the_input()
    {
        const string text = "وللكاظمى هجوماً";
        var r = CliRunner.Run("analyze", text, "--json");
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var exact = doc.RootElement.GetProperty("exact").EnumerateArray().Select(t => t.GetProperty("term").GetString()).ToArray();
        var stemmed = doc.RootElement.GetProperty("stemmed").EnumerateArray().Select(t => t.GetProperty("term").GetString()).ToArray();
        Assert.That(exact, Is.EqualTo(new[] { "وللكاظمي", "هجوما" }));
        Assert.That(stemmed, Does.Contain("كاظمي").And.Contain("هجوم"));
        var first = doc.RootElement.GetProperty("exact")[0];
        Assert.That(text[first.GetProperty("start").GetInt32()..first.GetProperty("end").GetInt32()], Is.EqualTo("وللكاظمى"));
    }

    [Test]
    public void Index_then_search_and_stats_on_disk()
    {
        var dir = Directory.CreateTempSubdirectory("arabicsearch-cli-").FullName;
        try
        {
            var index = CliRunner.Run("index", SeedCorpus.Path, "--index", dir);
            Assert.That(index.ExitCode, Is.Zero, index.Error);
            var stats = CliRunner.Run("stats", "--index", dir, "--json");
            Assert.That(JsonDocument.Parse(stats.Out).RootElement.GetProperty("documents").GetInt32(), Is.EqualTo(5));
            var search = CliRunner.Run("search", "--index", dir, "--phrase", "خلايا الكاتيوشا", "--json");
            Assert.That(search.ExitCode, Is.Zero, search.Error);
            using var doc = JsonDocument.Parse(search.Out);
            var ids = doc.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()![..3]).Order().ToArray();
            Assert.That(ids, Is.EqualTo(new[] { "000", "001" }));
            Assert.That(doc.RootElement.GetProperty("hits")[0].GetProperty("published").GetString(), Is.EqualTo("2021-02-24"));
            var syntax = CliRunner.Run("search", "--index", dir, "--syntax", "lucene", "بغداد AND (");
            Assert.That(syntax.ExitCode, Is.EqualTo(2));
            var box = CliRunner.Run("search", "--index", dir, "بغداد AND (", "--json");
            Assert.That(box.ExitCode, Is.Zero, "the default syntax is a search box's: it reads the text as words");
            Assert.That(syntax.Error, Does.Contain("Cannot parse"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
