using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>
/// A cost budget for every query that reaches Lucene, from every syntax: the query's clauses are counted as they will
/// expand, and a query over <see cref="MaxCost"/> is refused before it runs. This bounds query shapes by their cost,
/// not by a list of shapes: many ranges, many fuzzy or prefix terms, long or sloppy phrases and many entities all add up.
/// </summary>
/// <remarks>
/// Costs, in term lookups: a term 1; a phrase <see cref="PhraseTermCost"/> per term (it reads positions, not only
/// documents), times 1 + slop/4 (a sloppy phrase rescans them); a prefix or wildcard term <see cref="MultiTermCost"/>, a fuzzy term <see cref="FuzzyCost"/> (it enumerates index terms and
/// expands to at most <see cref="MaxExpansions"/> of them); a term range <see cref="RangeCost"/> (it may enumerate
/// most of the term dictionary); a numeric range or match-all 1. Measured figures are in docs/guarantees.md.
/// </remarks>
internal static class QueryBudget
{
    /// <summary>The largest cost accepted.</summary>
    public const int MaxCost = 4_096;

    /// <summary>How many index terms one prefix, wildcard or range term expands to at most (the most frequent).</summary>
    public const int MaxExpansions = 64;

    /// <summary>The cost of a prefix, wildcard or fuzzy term.</summary>
    public const int MultiTermCost = 256;

    /// <summary>The cost of a fuzzy term: it intersects a Levenshtein automaton with the term dictionary.</summary>
    public const int FuzzyCost = 512;

    /// <summary>The cost of one term of a phrase.</summary>
    public const int PhraseTermCost = 4;

    /// <summary>The cost of a term range.</summary>
    public const int RangeCost = 1_024;

    /// <summary>Throws when <paramref name="query"/> costs more than <see cref="MaxCost"/>.</summary>
    /// <exception cref="InvalidQueryException">The query is over budget; the message says what to do.</exception>
    public static void Check(Query query)
    {
        long cost = Cost(query);
        if (cost > MaxCost)
            throw new InvalidQueryException($"The query is too expensive to run (cost {cost:N0}, at most {MaxCost:N0}): use fewer wildcard, fuzzy, range or phrase terms.");
    }

    /// <summary>The cost of <paramref name="query"/>, in term lookups.</summary>
    public static long Cost(Query query) => query switch
    {
        BooleanQuery b => b.Clauses.Sum(c => Cost(c.Query)),
        DisjunctionMaxQuery d => d.Disjuncts.Sum(Cost),
        ConstantScoreQuery c => c.Query is null ? 1 : Cost(c.Query),
        TermQuery => 1,
        PhraseQuery p => p.GetTerms().Length * PhraseTermCost * (1L + p.Slop / 4),
        MultiPhraseQuery m => m.GetTermArrays().Sum(a => (long)a.Length) * PhraseTermCost * (1L + m.Slop / 4),
        TermRangeQuery => RangeCost,
        FuzzyQuery => FuzzyCost,
        NumericRangeQuery<int> or NumericRangeQuery<long> => 1,
        MultiTermQuery => MultiTermCost,
        _ => 1,
    };
}
