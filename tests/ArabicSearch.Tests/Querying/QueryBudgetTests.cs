using ArabicSearch.Entities;
using ArabicSearch.Indexing;
using ArabicSearch.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ArabicSearch.Tests.Querying;

/// <summary>Every query shape counts against one cost budget; multi-term queries expand to a bounded number of terms.</summary>
public class QueryBudgetTests
{
    private static readonly string Letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    private FieldAnalyzer _analyzer = null!;
    private QueryTranslator _translator = null!;

    [OneTimeSetUp]
    public void Create()
    {
        _analyzer = new FieldAnalyzer();
        _translator = new QueryTranslator(_analyzer, EntityRecognizer.Default, new ArabicSearchOptions());
    }

    [OneTimeTearDown]
    public void Dispose() => _analyzer.Dispose();

    private static string Words(int n, Func<int, string> word) => string.Join(" ", Enumerable.Range(0, n).Select(word));

    private static string Word(int i) => $"{Letters[i % Letters.Length]}{Letters[i / Letters.Length % Letters.Length]}ر";

    private void Refused(SearchRequest request) =>
        Assert.That(() => _translator.Translate(request), Throws.TypeOf<InvalidQueryException>().With.Message.Contains("too expensive"));

    [Test] // issue #13 row 2: hundreds of wide term ranges
    public void Translate_refuses_many_term_ranges() =>
        Refused(new SearchRequest { Syntax = QuerySyntax.Lucene, Text = Words(40, i => $"[ا{Word(i)} TO ي{Word(i)}]") });

    [Test] // row 3: 128 fuzzy terms
    public void Translate_refuses_many_fuzzy_terms() =>
        Refused(new SearchRequest { Syntax = QuerySyntax.Lucene, Text = Words(128, i => Word(i) + "~") });

    [Test] // row 3: 128 prefixes
    public void Translate_refuses_many_prefixes() =>
        Refused(new SearchRequest { Syntax = QuerySyntax.Lucene, Text = Words(128, i => Word(i) + "*") });

    [Test] // row 3: hundreds of phrases
    public void Translate_refuses_many_phrases() =>
        Refused(new SearchRequest { Syntax = QuerySyntax.Lucene, Text = Words(600, i => $"\"{Word(i % 50)} {Word(60 + i / 50)}\"") });

    [Test] // row 3: a long phrase in the search box counts its positions
    public void Translate_refuses_many_search_box_phrases() =>
        Refused(new SearchRequest { Text = Words(600, i => $"\"{Word(i % 50)} {Word(60 + i / 50)}\"") });

    [Test] // row 3: sloppy phrases
    public void Translate_refuses_a_slop_over_the_limit() =>
        Assert.That(() => QueryTranslator.Validate(new SearchRequest { Phrase = "أ ب", PhraseMode = PhraseMode.Stemmed, PhraseSlop = QueryTranslator.MaxPhraseSlop + 1 }, 1000),
            Throws.TypeOf<InvalidQueryException>());

    [Test] // row 4: 1,025 --entity options were TooManyClausesException, exit 1
    public void Validate_refuses_too_many_entities() =>
        Assert.That(() => QueryTranslator.Validate(new SearchRequest { Entities = Enumerable.Range(0, 1025).Select(i => "بغداد" + i).ToList() }, 1000),
            Throws.TypeOf<InvalidQueryException>().With.Message.Contains("entities"));

    [Test]
    public void Translate_counts_one_clause_for_a_repeated_entity()
    {
        long once = QueryBudget.Cost(_translator.Translate(new SearchRequest { Entities = ["بغداد"] }).Query);
        long many = QueryBudget.Cost(_translator.Translate(new SearchRequest { Entities = Enumerable.Repeat("بغداد", 64).ToList() }).Query);
        Assert.That(many, Is.EqualTo(once));
    }

    [TestCase(QuerySyntax.Text)]
    [TestCase(QuerySyntax.Plain)]
    public void Translate_accepts_128_distinct_words(QuerySyntax syntax) =>
        Assert.That(QueryBudget.Cost(_translator.Translate(new SearchRequest { Text = Words(128, Word), Syntax = syntax }).Query), Is.LessThanOrEqualTo(QueryBudget.MaxCost));

    [TestCase("ب*")]           // prefix
    [TestCase("ب?ر")]          // wildcard
    [TestCase("[ب TO ت]")]     // term range
    public void Rewrite_expands_a_multi_term_query_to_at_most_the_cap(string pattern)
    {
        using var dir = new RAMDirectory();
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)))
        {
            var mapper = new DocumentMapper(EntityRecognizer.Default);
            // 28 × 28 distinct three-letter words starting with ب…: far more than the cap
            for (int i = 0; i < 800; i++) writer.AddDocument(mapper.ToDocument(new Article($"a{i}", "ب" + Word(i) + " " + Word(i))));
        }
        using var reader = DirectoryReader.Open(dir);
        var query = _translator.Translate(new SearchRequest { Text = pattern, Syntax = QuerySyntax.Lucene }).Query;
        var rewritten = new IndexSearcher(reader).Rewrite(query);
        Assert.That(Leaves(rewritten), Is.GreaterThan(0).And.LessThanOrEqualTo(2 * QueryBudget.MaxExpansions)); // two fields
    }

    private static int Leaves(Query q) => q switch
    {
        BooleanQuery b => b.Clauses.Sum(c => Leaves(c.Query)),
        _ => 1,
    };
}
