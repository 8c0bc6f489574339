using System.Text;
using ArabicSearch.Entities;
using ArabicSearch.Indexing;
using ArabicSearch.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// Hostile queries get a clear <see cref="InvalidQueryException"/> (exit code 2 on the CLI) or an answer; never a
/// crash, a stack overflow or an unbounded expansion. The index is generated: 3,000 articles over 20,000 distinct
/// made-up words, so prefix, wildcard and fuzzy terms have plenty to expand to.
/// </summary>
public class HostileQueryTests
{
    private readonly Lucene.Net.Store.RAMDirectory _directory = new();
    private ArabicSearchEngine _engine = null!;
    private static readonly string Letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    [OneTimeSetUp]
    public void Index()
    {
        var random = new Random(7);
        var vocabulary = Enumerable.Range(0, 20_000).Select(_ => Word(random)).ToArray();
        _engine = ArabicSearchEngine.Open(_directory, new ArabicSearchOptions { CreateIfMissing = true });
        var batch = new List<Article>();
        for (int i = 0; i < 3_000; i++)
        {
            var body = string.Join(' ', Enumerable.Range(0, 60).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            batch.Add(new Article($"g{i:D5}", "بغداد " + body) { Title = vocabulary[random.Next(vocabulary.Length)] });
        }
        _engine.AddOrUpdate(batch);
        _engine.Commit();
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _engine.Dispose();
        _directory.Dispose();
    }

    private static string Word(Random random)
    {
        var chars = new char[random.Next(3, 9)];
        for (int i = 0; i < chars.Length; i++) chars[i] = Letters[random.Next(Letters.Length)];
        return new string(chars);
    }

    // Rejected with a clear message.
    [TestCase("بغداد AND (", "Cannot parse")]             // unbalanced parenthesis
    [TestCase("\"بغداد", "Cannot parse")]                  // unclosed quote
    [TestCase("AND OR NOT", "Cannot parse")]               // operators only
    [TestCase("title:", "Cannot parse")]                    // field without a term
    [TestCase("*داد", "Cannot parse")]                      // leading wildcard
    [TestCase("?غداد", "Cannot parse")]                     // leading single-character wildcard
    [TestCase("/ب.*/", "regular expressions")]              // regex syntax never reaches RegexpQuery
    [TestCase("/(ب|ت)*{1000}/", "regular expressions")]     // a crafted pattern, same
    public void Search_rejects_hostile_syntax(string query, string message) =>
        Assert.That(() => _engine.Search(new SearchRequest { Text = query, Syntax = QuerySyntax.Lucene }), Throws.TypeOf<InvalidQueryException>().With.Message.Contains(message));

    [Test]
    public void Search_rejects_more_distinct_words_than_the_limit()
    {
        var words = string.Join(" OR ", Enumerable.Range(0, 1_100).Select(i => $"w{i}"));
        Assert.That(() => _engine.Search(new SearchRequest { Text = words }), Throws.TypeOf<InvalidQueryException>().With.Message.Contains("distinct words"));
        Assert.That(() => _engine.Search(new SearchRequest { Text = words, Syntax = QuerySyntax.Plain }), Throws.TypeOf<InvalidQueryException>());
        var atLimit = string.Join(" ", Enumerable.Range(0, QueryGuard.MaxWords - 1).Select(i => $"w{i}"));
        Assert.That(_engine.Search(new SearchRequest { Text = atLimit + " بغداد بغداد" }).Total, Is.GreaterThan(0), "repeats and the limit itself are fine");
    }

    [Test]
    public void Search_rejects_text_longer_than_the_limit()
    {
        string text = new('ب', QueryTranslator.MaxTextLength + 1);
        Assert.That(() => _engine.Search(new SearchRequest { Text = text }), Throws.TypeOf<InvalidQueryException>().With.Message.Contains("characters long"));
        Assert.That(() => _engine.Search(new SearchRequest { Phrase = text }), Throws.TypeOf<InvalidQueryException>());
    }

    [TestCase(QuerySyntax.Lucene)]
    [TestCase(QuerySyntax.Plain)]
    public void Search_of_text_at_the_limit_answers_or_is_rejected_clearly(QuerySyntax syntax)
    {
        // 10,000 characters: 999 short words and some padding. Either answer is fine; anything else is not.
        var text = new StringBuilder();
        for (int i = 0; text.Length < QueryTranslator.MaxTextLength - 10; i++) text.Append("كلمه").Append(i % 1000).Append(' ');
        text.Append(new string('ب', QueryTranslator.MaxTextLength - text.Length));
        Assert.That(text.Length, Is.EqualTo(QueryTranslator.MaxTextLength));
        AnswersOrRejects(new SearchRequest { Text = text.ToString(), Syntax = syntax });
    }

    [TestCase(500)]
    [TestCase(4_000)] // near the length limit; rejected before the recursive parser runs
    public void Search_rejects_deep_nesting_before_parsing(int depth)
    {
        string query = new string('(', depth) + "بغداد" + new string(')', depth);
        Assert.That(() => _engine.Search(new SearchRequest { Text = query, Syntax = QuerySyntax.Lucene }), Throws.TypeOf<InvalidQueryException>().With.Message.Contains($"{depth} levels deep"));
    }

    [Test]
    public void Search_accepts_nesting_up_to_the_limit()
    {
        int depth = QueryGuard.MaxNesting;
        string query = new string('(', depth) + "بغداد" + new string(')', depth);
        Assert.That(_engine.Search(new SearchRequest { Text = query }).Total, Is.EqualTo(3_000));
    }

    [TestCase("\"((((\" بغداد", 0)]   // parentheses inside quotes do not nest
    [TestCase(@"\(\(\( بغداد", 0)]    // nor escaped ones
    [TestCase("(a (b) (c (d)))", 3)]
    public void NestingDepth_counts_only_real_parentheses(string query, int depth) =>
        Assert.That(QueryGuard.NestingDepth(query), Is.EqualTo(depth));

    // Multi-term queries over 20,000 words: refused, or rewritten to a bounded number of terms however many words of
    // the index they match (constant-score rewrites for prefixes, wildcards and ranges; at most 50 fuzzy expansions).
    [TestCase("ب*")]            // prefix matching thousands of terms
    [TestCase("ب*ت*ث*")]        // wildcard
    [TestCase("ب?ت?")]
    [TestCase("بغداد~2")]       // fuzzy: at most 50 expansions
    [TestCase("بتثجحخ~2")]
    [TestCase("[ا TO ي]")]      // range over every term
    [TestCase("بغداد* OR ا* OR ب* OR ت* OR ث* OR ج*")]
    public void Search_bounds_term_expansions(string query)
    {
        var request = new SearchRequest { Text = query, Syntax = QuerySyntax.Lucene, Top = 10 };
        Query translated;
        try
        {
            translated = new QueryTranslator(new FieldAnalyzer(), EntityRecognizer.Default, new ArabicSearchOptions()).Translate(request).Query;
        }
        catch (InvalidQueryException e)
        {
            Assert.That(e.Message, Is.Not.Empty.And.Length.LessThan(400), "refused with a short, clear message");
            return;
        }
        using var reader = DirectoryReader.Open(_directory);
        int terms = TermsOf(new IndexSearcher(reader).Rewrite(translated));
        TestContext.Out.WriteLine($"{query}: {terms} term(s) after rewriting");
        Assert.That(terms, Is.LessThanOrEqualTo(MaxRewrittenTerms), "the rewritten query's size does not grow with the vocabulary");
        AnswersOrRejects(request);
    }

    /// <summary>
    /// Far under the 20,000 words these patterns could match: each multi-term part adds at most 350 terms per field
    /// (Lucene's constant-score auto rewrite switches to a filter past that) and a fuzzy one at most 50.
    /// </summary>
    private const int MaxRewrittenTerms = 1_024;

    /// <summary>The term queries in a rewritten query, through boolean, disjunction and constant-score wrappers.</summary>
    private static int TermsOf(Query query) => query switch
    {
        BooleanQuery b => b.Clauses.Sum(c => TermsOf(c.Query)),
        DisjunctionMaxQuery d => d.Disjuncts.Sum(TermsOf),
        ConstantScoreQuery c when c.Query is not null => TermsOf(c.Query),
        _ => 1,
    };

    [TestCase("*")]            // a lone * is Lucene's match-all shorthand, not a leading wildcard
    public void Search_lone_star_answers(string query) => AnswersOrRejects(new SearchRequest { Text = query, Syntax = QuerySyntax.Lucene });

    [TestCase("~2")]
    [TestCase("*")]
    [TestCase("?")]
    public void Search_of_long_patterns_is_rejected(string suffix)
    {
        string query = new string('ب', QueryGuard.MaxPatternLength + 1) + suffix;
        Assert.That(() => _engine.Search(new SearchRequest { Text = query, Syntax = QuerySyntax.Lucene }), Throws.TypeOf<InvalidQueryException>().With.Message.Contains("too long"));
    }

    [Test]
    public void WithoutRepeatedClauses_keeps_one_of_each_clause()
    {
        var query = new Lucene.Net.Search.BooleanQuery();
        foreach (var word in new[] { "a", "b", "a", "a" })
            query.Add(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term("body", word)), Lucene.Net.Search.Occur.SHOULD);
        query.Add(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term("body", "a")), Lucene.Net.Search.Occur.MUST_NOT); // same query, other occur: kept
        var unique = (Lucene.Net.Search.BooleanQuery)QueryGuard.WithoutRepeatedClauses(query);
        Assert.That(unique.Clauses.Select(c => c.ToString()), Is.EqualTo(new[] { "body:a", "body:b", "-body:a" }));
    }

    [TestCase(" OR ", QuerySyntax.Lucene)] // QueryGuard.WithoutRepeatedClauses on the parsed query
    [TestCase(" ", QuerySyntax.Text)]       // FreeTextQueryBuilder folds repeated words
    [TestCase(" OR ", QuerySyntax.Text)]
    [TestCase(" ", QuerySyntax.Plain)]
    public void Search_of_a_word_repeated_a_thousand_times_ranks_as_the_word_typed_twice(string separator, QuerySyntax syntax)
    {
        var repeated = _engine.Search(new SearchRequest { Text = string.Join(separator, Enumerable.Repeat("بغداد", 1_000)), Syntax = syntax, Top = 5 });
        var twice = _engine.Search(new SearchRequest { Text = string.Join(separator, Enumerable.Repeat("بغداد", 2)), Syntax = syntax, Top = 5 });
        Assert.That(repeated.Total, Is.EqualTo(twice.Total));
        // Totals alone cannot tell: without the repeated-clause guard the same articles match, but each score is the
        // word's score added up a thousand times instead of twice.
        Assert.That(repeated.Hits.Select(h => (h.Id, h.Score)), Is.EqualTo(twice.Hits.Select(h => (h.Id, h.Score))));
    }

    [TestCase(0, 100_000_000)]
    [TestCase(-1, 10)]
    [TestCase(0, -1)]
    [TestCase(int.MaxValue, int.MaxValue)] // the sum overflows int
    [TestCase(9_999, 2)]
    [TestCase(995, 10)]
    public void Search_rejects_paging_out_of_bounds(int skip, int top) =>
        Assert.That(() => _engine.Search(new SearchRequest { Text = "بغداد", Skip = skip, Top = top }), Throws.TypeOf<InvalidQueryException>());

    [Test]
    public void Search_pages_up_to_the_result_window() =>
        Assert.That(_engine.Search(new SearchRequest { Text = "بغداد", Skip = 990, Top = 10 }).Hits, Has.Count.EqualTo(10));

    private void AnswersOrRejects(SearchRequest request)
    {
        try
        {
            var results = _engine.Search(request);
            Assert.That(results.Hits, Has.Count.LessThanOrEqualTo(Math.Max(request.Top, 0)));
            Assert.That(results.Total, Is.GreaterThanOrEqualTo(results.Hits.Count));
        }
        catch (InvalidQueryException e)
        {
            Assert.That(e.Message, Is.Not.Empty.And.Length.LessThan(400), "a short, clear message");
        }
    }
}
