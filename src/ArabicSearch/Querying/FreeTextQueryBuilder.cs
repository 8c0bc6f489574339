using ArabicSearch.Analysis;
using ArabicSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>
/// Builds the ranked query for free text read as plain words: an OR of the words, each searched in three views of
/// the headline and body — stemmed (weight 1), exact (<see cref="ArabicSearchOptions.ExactViewWeight"/>) and loose
/// (<see cref="ArabicSearchOptions.LooseViewWeight"/>) — so a document that matches a word in its exact spelling
/// outranks one that matches only its stem, and a variant spelling still counts.
/// </summary>
/// <remarks>
/// Where the stemmer stacks two readings of a word at one position (<c>لكندا</c> → <c>كندا</c> | <c>لكند</c>), they
/// are scored as the better of the two (a <see cref="DisjunctionMaxQuery"/>), not their sum as the classic query
/// parser does: a document indexed with both readings would otherwise count the word twice. Each design choice is
/// backed by the ablation in docs/relevance.md. Thread-safe: it keeps no per-query state.
/// </remarks>
internal sealed class FreeTextQueryBuilder
{
    private readonly FieldAnalyzer _analyzer;
    private readonly float _titleBoost, _exactWeight, _looseWeight;

    public FreeTextQueryBuilder(FieldAnalyzer analyzer, ArabicSearchOptions options)
    {
        _analyzer = analyzer;
        _titleBoost = options.TitleBoost;
        _exactWeight = options.ExactViewWeight;
        _looseWeight = options.LooseViewWeight;
    }

    /// <summary>The query for <paramref name="text"/>; an empty query (matching nothing) when it has no searchable words.</summary>
    /// <exception cref="InvalidQueryException">The text has more words than a query may have clauses.</exception>
    public Query Build(string text)
    {
        // The three views drop the same stopwords, so their positions line up word for word.
        var stemmed = Positions(_analyzer.For(ArabicView.Stemmed), text);
        var exact = _exactWeight > 0 ? Positions(_analyzer.For(ArabicView.Exact), text) : [];
        var loose = _looseWeight > 0 ? Positions(_analyzer.For(ArabicView.Loose), text) : [];
        if (stemmed.Count > BooleanQuery.MaxClauseCount)
            throw new InvalidQueryException($"The query has more than {BooleanQuery.MaxClauseCount} words.");
        var query = new BooleanQuery(true);
        for (int i = 0; i < stemmed.Count; i++)
        {
            var word = new BooleanQuery(true);
            word.Add(Word(FieldNames.Title, stemmed[i], _titleBoost), Occur.SHOULD);
            word.Add(Word(FieldNames.Body, stemmed[i], 1f), Occur.SHOULD);
            if (i < exact.Count)
            {
                word.Add(Word(FieldNames.TitleExact, exact[i], _titleBoost * _exactWeight), Occur.SHOULD);
                word.Add(Word(FieldNames.BodyExact, exact[i], _exactWeight), Occur.SHOULD);
            }
            if (i < loose.Count)
            {
                word.Add(Word(FieldNames.TitleLoose, loose[i], _titleBoost * _looseWeight), Occur.SHOULD);
                word.Add(Word(FieldNames.BodyLoose, loose[i], _looseWeight), Occur.SHOULD);
            }
            query.Add(word, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>One word in one field: its reading, or the better of its stacked readings.</summary>
    private static Query Word(string field, string[] readings, float boost)
    {
        Query q;
        if (readings.Length == 1)
        {
            q = new TermQuery(new Term(field, readings[0]));
        }
        else
        {
            var max = new DisjunctionMaxQuery(0f);
            foreach (var r in readings) max.Add(new TermQuery(new Term(field, r)));
            q = max;
        }
        q.Boost = boost;
        return q;
    }

    /// <summary>The analyzed words of <paramref name="text"/>, one entry a position, each with its distinct readings.</summary>
    private static List<string[]> Positions(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        var list = new List<string[]>();
        foreach (var group in QueryTranslator.Analyze(analyzer, text).GroupBy(t => t.Position))
            list.Add(group.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToArray());
        return list;
    }
}
