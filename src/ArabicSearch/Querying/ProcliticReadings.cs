using ArabicSearch.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>
/// How the stemmed view's two kinds of readings are searched (issue 12, class 10). A word that may start with a lone
/// proclitic is indexed with its direct reading (<c>لجنة</c> → <c>لجنه</c>) and its guessed one, marked
/// (<c>ArabicWord.ProcliticReadingMark</c> + <c>جنه</c>). A query reading finds both: the direct term at full weight
/// and the guessed term at <see cref="ArabicSearchOptions.ProcliticReadingWeight"/>, the better of the two counting
/// (<see cref="DisjunctionMaxQuery"/>). So <c>جنة</c> still finds <c>لجنة</c>, but ranks <c>جنة</c> and <c>الجنة</c>
/// above it. A reading that the query itself only guessed (<c>جنه</c> of a typed <c>لجنة</c>) has the lower weight
/// on both terms.
/// </summary>
/// <remarks>Pure functions; thread-safe.</remarks>
internal static class ProcliticReadings
{
    /// <summary>True for the fields indexed in the stemmed view, whose terms may be guessed readings.</summary>
    public static bool IsStemmedField(string field) => field is FieldNames.Text or FieldNames.Title;

    /// <summary>The direct and the guessed term of the reading that <paramref name="term"/> (either kind) stands for.</summary>
    public static Term[] Both(string field, string term)
    {
        string reading = ArabicWord.ReadingOf(term);
        return [new Term(field, reading), new Term(field, ArabicWord.GuessTerm(reading))];
    }

    /// <summary>
    /// The query for one stemmed-view reading: its direct term and its guessed term, the better counting. With a
    /// <paramref name="reader"/>, both terms are scored with the reading's IDF over the articles that have either term
    /// (as one term was before the two were split), so the weight is the only difference; a term no article has is left
    /// out. Null when <paramref name="reader"/> shows that no article has either.
    /// </summary>
    /// <param name="field">A stemmed field (<see cref="IsStemmedField"/>).</param>
    /// <param name="term">A stemmed-view term as the analyzer gives it, guessed or not.</param>
    /// <param name="guessWeight">The weight of a guessed reading, from 0 to 1.</param>
    /// <param name="reader">The index searched, for document frequencies; null searches both terms unweighted by IDF.</param>
    public static Query? Reading(string field, string term, float guessWeight, IndexReader? reader = null)
    {
        var both = Both(field, term);
        float directWeight = ArabicWord.IsGuess(term) ? guessWeight : 1f;
        float[] weights = [directWeight, guessWeight];
        var max = new DisjunctionMaxQuery(0f);
        if (reader is null)
        {
            for (int i = 0; i < 2; i++) if (weights[i] > 0) max.Add(new TermQuery(both[i]) { Boost = weights[i] });
        }
        else
        {
            // The per-segment term states that give the document frequencies are handed to the term queries, so the
            // search does not look each term up a second time.
            TermContext[] states = [TermContext.Build(reader.Context, both[0]), TermContext.Build(reader.Context, both[1])];
            double idfEither = Idf(states[0].DocFreq + states[1].DocFreq, reader.MaxDoc);
            for (int i = 0; i < 2; i++)
                if (weights[i] > 0 && states[i].DocFreq > 0)
                    max.Add(new TermQuery(both[i], states[i]) { Boost = (float)(weights[i] * idfEither / Idf(states[i].DocFreq, reader.MaxDoc)) });
        }
        return max.Disjuncts.Count switch
        {
            0 => null,
            1 => max.Disjuncts[0],
            _ => max,
        };
    }

    // BM25's IDF as Lucene's BM25Similarity computes it.
    private static double Idf(long docFreq, int maxDoc) => Math.Log(1 + (maxDoc - docFreq + 0.5) / (docFreq + 0.5));

    /// <summary>
    /// <paramref name="query"/> with every stemmed-field term searched as both readings (<see cref="Reading"/>) and every
    /// stemmed phrase position accepting both: for queries parsed from Lucene syntax and for phrases.
    /// </summary>
    public static Query Expand(Query query, float guessWeight)
    {
        switch (query)
        {
            case TermQuery t when IsStemmedField(t.Term.Field):
                var reading = Reading(t.Term.Field, t.Term.Text, guessWeight) ?? new TermQuery(Both(t.Term.Field, t.Term.Text)[0]);
                reading.Boost *= t.Boost;
                return reading;
            case BooleanQuery b:
                var copy = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
                foreach (var clause in b.Clauses) copy.Add(Expand(clause.Query, guessWeight), clause.Occur);
                return copy;
            case DisjunctionMaxQuery d:
                var dm = new DisjunctionMaxQuery(d.TieBreakerMultiplier) { Boost = d.Boost };
                foreach (var q in d.Disjuncts) dm.Add(Expand(q, guessWeight));
                return dm;
            case PhraseQuery p when p.GetTerms().Length > 0 && IsStemmedField(p.GetTerms()[0].Field):
                var fromPhrase = new MultiPhraseQuery { Slop = p.Slop, Boost = p.Boost };
                var terms = p.GetTerms();
                var positions = p.GetPositions();
                for (int i = 0; i < terms.Length; i++) fromPhrase.Add(Both(terms[i].Field, terms[i].Text), positions[i]);
                return fromPhrase;
            case MultiPhraseQuery m when m.GetTermArrays().Count > 0 && IsStemmedField(m.GetTermArrays()[0][0].Field):
                var multi = new MultiPhraseQuery { Slop = m.Slop, Boost = m.Boost };
                var arrays = m.GetTermArrays();
                var at = m.GetPositions();
                for (int i = 0; i < arrays.Count; i++)
                    multi.Add(arrays[i].SelectMany(t => Both(t.Field, t.Text)).Distinct().ToArray(), at[i]);
                return multi;
            default:
                return query;
        }
    }
}
