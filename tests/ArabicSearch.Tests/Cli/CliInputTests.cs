namespace ArabicSearch.Tests.Cli;

/// <summary>What a new user types at the console host: every input gets an answer or one clear line and exit 2.</summary>
public class CliInputTests
{
    private string _index = null!;

    [OneTimeSetUp]
    public void IndexSeeds()
    {
        _index = Path.Combine(Path.GetTempPath(), "as-input-" + Guid.NewGuid().ToString("N"));
        var r = CliRunner.Run("index", SeedCorpus.Path, "--index", _index);
        Assert.That(r.ExitCode, Is.Zero, r.Error);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        if (Directory.Exists(_index)) Directory.Delete(_index, recursive: true);
    }

    private CliRunner.Result Search(params string[] args) => CliRunner.Run(["search", "--index", _index, .. args]);

    [TestCase("@ماكرون")]   // a handle, not a response file
    [TestCase("@بغداد")]
    public void Search_reads_an_at_word_as_text(string text)
    {
        var r = Search(text);
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        Assert.That(r.Error, Does.Not.Contain("Response file"));
    }

    // One line naming the flag and what it takes; no .NET type names, no list over seven lines.
    [TestCase("--sort foo x", "error: --sort 'foo' is not one of relevance, recent, newest, date, oldest.")]
    [TestCase("--syntax regex x", "error: --syntax 'regex' is not one of text, plain, lucene.")]
    [TestCase("--date-field updated x", "error: --date-field 'updated' is not one of published, mentioned.")]
    [TestCase("--top abc x", "error: --top must be a whole number, not 'abc'.")]
    [TestCase("--skip 1.5 x", "error: --skip must be a whole number, not '1.5'.")]
    [TestCase("--sort recent --half-life soon x", "error: --half-life must be a number, not 'soon'.")]
    // Options that would change nothing are refused with what to add.
    [TestCase("--stemmed x", "error: --stemmed applies to --phrase; add --phrase \"…\" (or drop --stemmed).")]
    [TestCase("--slop 2 x", "error: --slop applies to a stemmed phrase; add --phrase \"…\" --stemmed (or drop --slop).")]
    [TestCase("--phrase بغداد --slop 2", "error: --slop applies to a stemmed phrase only (an exact phrase has no gaps); add --stemmed (or drop --slop).")]
    [TestCase("--half-life 3 x", "error: --half-life applies to --sort recent; add --sort recent (or drop --half-life).")]
    [TestCase("--sort newest --half-life 3 x", "error: --half-life applies to --sort recent; add --sort recent (or drop --half-life).")]
    // The library's refusals, in flag names.
    [TestCase("--after abc --collapse-duplicates x", "error: --after cannot be combined with --collapse-duplicates; page collapsed results with --skip.")]
    [TestCase("--skip 995 --top 10 x", "error: --skip + --top is 1,005; at most 1,000 hits can be paged through.")]
    public void Search_refuses_bad_input_in_one_line_naming_the_flag(string args, string expected)
    {
        var r = Search(args.Split(' '));
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out);
        Assert.That(r.Error.TrimEnd(), Is.EqualTo(expected));
    }

    [TestCase("--phrase بغداد --stemmed --slop 2")]
    [TestCase("--sort recent --half-life 3 بغداد")]
    public void Search_accepts_options_that_apply(string args)
    {
        var r = Search(args.Split(' '));
        Assert.That(r.ExitCode, Is.Zero, r.Error);
    }

    [Test]
    public void Demo_says_how_many_of_the_matches_it_shows()
    {
        var r = CliRunner.Run("demo");
        Assert.That(r.ExitCode, Is.Zero, r.Error);
        Assert.That(r.Out, Does.Contain("5 match(es), showing 3"));
    }
}
