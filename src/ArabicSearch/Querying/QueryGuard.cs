using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>
/// Limits checked on query text before Lucene's classic parser sees it. The parser is recursive descent, so deep
/// nesting costs stack; and fuzzy or wildcard terms build automata whose cost grows with the term.
/// </summary>
internal static class QueryGuard
{
    /// <summary>The deepest nesting of parentheses accepted.</summary>
    public const int MaxNesting = 32;

    /// <summary>The longest fuzzy, wildcard or prefix term accepted.</summary>
    public const int MaxPatternLength = 100;

    /// <summary>The most distinct words (stopwords aside) a free-text query may have. Each word is looked up in several
    /// views; past this a query costs seconds and hundreds of megabytes on a large index, and is no longer a search.</summary>
    public const int MaxWords = 128;

    /// <summary>Throws when <paramref name="text"/> has more than <see cref="MaxWords"/> distinct words.</summary>
    public static void CheckWordCount(string text)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        Span<char> word = stackalloc char[Analysis.WordScanner.OutputLength];
        int position = 0;
        while (Analysis.WordScanner.Next(text, ref position, word, out int length, out _, out _))
        {
            if (Analysis.ArabicStopwords.Contains(word[..length])) continue;
            if (distinct.Add(new string(word[..length])) && distinct.Count > MaxWords)
                throw new InvalidQueryException($"The query has more than {MaxWords} distinct words; search with fewer, more specific words.");
        }
    }

    /// <summary>How deep the parentheses of Lucene query syntax nest, ignoring escaped ones and those inside quotes.</summary>
    public static int NestingDepth(string query)
    {
        int depth = 0, deepest = 0;
        bool quoted = false;
        for (int i = 0; i < query.Length; i++)
        {
            char c = query[i];
            if (c == '\\') { i++; continue; }
            if (c == '"') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (c == '(') deepest = Math.Max(deepest, ++depth);
            else if (c == ')' && depth > 0) depth--;
        }
        return deepest;
    }

    /// <summary>Throws when the query nests deeper than <see cref="MaxNesting"/>.</summary>
    public static void CheckNesting(string query)
    {
        int depth = NestingDepth(query);
        if (depth > MaxNesting)
            throw new InvalidQueryException($"The query nests parentheses {depth} levels deep; at most {MaxNesting} are allowed.");
    }

    /// <summary>
    /// Drops repeated clauses of a top-level boolean query ("بغداد بغداد بغداد …"), which cost a term lookup each and
    /// change nothing but the weight of a word typed twice.
    /// </summary>
    public static Query WithoutRepeatedClauses(Query query)
    {
        if (query is not BooleanQuery boolean || boolean.Clauses.Count < 2) return query;
        var seen = new HashSet<(Query, Occur)>();
        var unique = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses)
            if (seen.Add((clause.Query, clause.Occur))) unique.Add(clause);
        return unique.Clauses.Count == boolean.Clauses.Count ? query : unique;
    }
}
