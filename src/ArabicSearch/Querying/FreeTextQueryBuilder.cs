using ArabicSearch.Analysis;
using ArabicSearch.Entities;
using ArabicSearch.Highlighting;
using ArabicSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>
/// Free words as a ranked query. <see cref="Matching"/> decides which articles match: any word in the stemmed or the
/// exact view. <see cref="Scoring"/> adds the loose view's score to those articles only, so a spelling variant ranks
/// an article higher without making an unrelated article match (<c>السفر</c> would otherwise match every
/// <c>السفارة</c>).
/// </summary>
/// <param name="Matching">The query that selects the articles; null when the text has no searchable word.</param>
/// <param name="Scoring">Optional clauses that only add to the score of articles <see cref="Matching"/> selects.</param>
internal sealed record FreeTextQuery(Query? Matching, IReadOnlyList<Query> Scoring)
{
    /// <summary>The matching query with the scoring clauses added as optional clauses.</summary>
    public Query? Combined()
    {
        if (Matching is null || Scoring.Count == 0) return Matching;
        var q = new BooleanQuery(true) { { Matching, Occur.MUST } };
        foreach (var s in Scoring) q.Add(s, Occur.SHOULD);
        return q;
    }
}

/// <summary>
/// Builds the ranked query for free words: an OR of the words, each searched in three views of the article's one text
/// field (headline and body together, see <see cref="FieldNames.Text"/>): stemmed (weight 1), exact
/// (<see cref="ArabicSearchOptions.ExactViewWeight"/>) and loose (<see cref="ArabicSearchOptions.LooseViewWeight"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Stacked readings of a word (<c>لكندا</c> → <c>كندا</c> | <c>لكند</c>) are scored as the better of the two
/// (<see cref="DisjunctionMaxQuery"/>), not their sum: a document indexed with both would count the word twice.</item>
/// <item>A word typed several times is one clause, as in Lucene syntax: a word typed 1,000 times costs one lookup and
/// ranks as the word typed once.</item>
/// <item>Stopwords are dropped and reported, unless the text has nothing else: then they are searched as written, in
/// the exact view (<c>علي</c>, <c>كان</c> and <c>متى</c> are names too).</item>
/// <item>A word in the article's lead (<see cref="FieldNames.TextLead"/>: the first words of its headline, or of its
/// body when it has none) adds <see cref="ArabicSearchOptions.LeadWeight"/> to the score of an article that matches;
/// it never makes one match.</item>
/// <item>A word no article has as written or stemmed (a typo) is also searched as the first correction "did you mean"
/// offers (<see cref="ArabicSearchOptions.FuzzyWeight"/>), with a notice; its short loose key then only ranks.</item>
/// <item>The loose view only adds to the score of articles that match a word strictly. A word that no article has in
/// either strict view is matched through the loose view instead, with a notice, so a variant spelling still finds
/// something.</item>
/// </list>
/// Each design choice is backed by the ablation in docs/relevance.md. Thread-safe: it keeps no per-query state.
/// </remarks>
internal sealed class FreeTextQueryBuilder
{
    /// <summary>
    /// The shortest loose-view key that may make an article match. Shorter keys are mostly three-letter roots, which
    /// unrelated words share (<c>السفر</c> travel, <c>السفارة</c> embassy: both <c>سفر</c>); longer ones are mostly
    /// spellings of one word (<c>أمريكي</c>, <c>أميركي</c>: <c>امرك</c>).
    /// </summary>
    public const int MinLooseMatchLength = 4;

    /// <summary>
    /// Past this many distinct words (a pasted paragraph, not a search), only the stemmed view is searched: the exact
    /// and loose views refine the ranking of short queries, and would triple the cost of long ones.
    /// </summary>
    public const int LongQueryWords = 32;

    /// <summary>
    /// The words of one query searched by near spelling, at most: each walks the term dictionary (tens of milliseconds
    /// on a 31k-article index), so a pasted text of unknown words stays bounded.
    /// </summary>
    public const int MaxFuzzyWords = 4;

    /// <summary>The shortest word whose correction may be two edits away when searched ("did you mean" offers two from six letters).</summary>
    public const int MinTwoEditLength = 9;

    /// <summary>The corrections of one word searched: the first "did you mean" offers (2 or 3 ranked no better on the dev sets).</summary>
    public const int NearSpellingsPerWord = 1;

    private readonly FieldAnalyzer _analyzer;
    private readonly EntityRecognizer _recognizer;
    private readonly float _exactWeight, _looseWeight, _guessWeight, _leadWeight, _fuzzyWeight;

    public FreeTextQueryBuilder(FieldAnalyzer analyzer, EntityRecognizer recognizer, ArabicSearchOptions options)
    {
        _analyzer = analyzer;
        _recognizer = recognizer;
        _exactWeight = options.ExactViewWeight;
        _looseWeight = options.LooseViewWeight;
        _guessWeight = options.ProcliticReadingWeight;
        _leadWeight = options.LeadWeight;
        _fuzzyWeight = options.FuzzyWeight;
    }

    /// <summary>One distinct word of the text: its readings in each view.</summary>
    private sealed record Word(string Written, string[] Stemmed, string[] Exact, string[] Loose)
    {
        public string Key => string.Join('\u0001', Stemmed) + '\u0002' + string.Join('\u0001', Exact) + '\u0002' + string.Join('\u0001', Loose);
    }

    /// <summary>The query for the words of <paramref name="text"/>.</summary>
    /// <param name="text">Free words; punctuation is dropped by the analyzer.</param>
    /// <param name="reader">The index searched, to tell which words no article has as written; null skips that check.</param>
    /// <param name="highlight">Receives the terms the query searches, per view.</param>
    /// <param name="notices">Receives what the user should know: dropped stopwords, words matched only as variants.</param>
    public FreeTextQuery Build(string text, IndexReader? reader, HighlightTerms highlight, List<string> notices)
    {
        var exact = Positions(ArabicView.Exact, text);
        if (exact.Count == 0) return new FreeTextQuery(null, []);
        var stemmed = Positions(ArabicView.Stemmed, text);
        var loose = _looseWeight > 0 ? Positions(ArabicView.Loose, text) : new();

        var words = new List<Word>();
        var byKey = new Dictionary<string, Word>(StringComparer.Ordinal);
        var dropped = new List<string>();
        bool onlyStopwords = stemmed.Count == 0;
        foreach (var (position, readings) in exact)
        {
            if (!onlyStopwords && !stemmed.ContainsKey(position))
            {
                if (!dropped.Contains(readings.Written)) dropped.Add(readings.Written);
                continue;
            }
            var word = onlyStopwords
                ? new Word(readings.Written, [], readings.Terms, [])
                : new Word(readings.Written, stemmed[position].Terms, readings.Terms, loose.TryGetValue(position, out var l) ? l.Terms : []);
            if (byKey.TryAdd(word.Key, word)) words.Add(word);
        }
        if (dropped.Count > 0) notices.Add($"Common words left out of the search: {string.Join("، ", dropped)}.");
        if (onlyStopwords) notices.Add($"The query has only common words; they were searched as written: {string.Join("، ", words.Select(w => w.Written))}.");

        var matching = new BooleanQuery(true);
        var scoring = new List<Query>();
        int fuzzyWords = 0;
        var unwidened = new List<string>();
        bool stemmedOnly = words.Count > LongQueryWords && !onlyStopwords;
        if (stemmedOnly) notices.Add($"The query has {words.Count} distinct words; a query of more than {LongQueryWords} is searched in the stemmed view only, without near spellings of unknown words.");
        foreach (var w in words)
        {
            var strict = new BooleanQuery(true);
            // A long query skips the document-frequency look-ups that weigh guessed readings by IDF (two a reading):
            // for a pasted paragraph they cost more than the search.
            var stemmedClause = w.Stemmed.Length > 0 ? StemmedTerm(w.Stemmed, stemmedOnly ? null : reader) : null;
            if (stemmedClause is not null) strict.Add(stemmedClause, Occur.SHOULD);
            if (w.Exact.Length > 0 && (_exactWeight > 0 || onlyStopwords) && !stemmedOnly) strict.Add(Term(FieldNames.TextExact, w.Exact, onlyStopwords ? 1f : _exactWeight), Occur.SHOULD);
            matching.Add(strict, Occur.SHOULD);
            // A word no article has as written or stemmed (a typo: بالصرطان) is searched as its correction (بالسرطان).
            // With a reader, StemmedTerm already left out the readings no article has: null means none has any.
            bool strictAbsent = reader is not null && !stemmedOnly && stemmedClause is null && !AnyHas(reader, FieldNames.TextExact, w.Exact);
            var near = strictAbsent && _fuzzyWeight > 0 && fuzzyWords < MaxFuzzyWords ? NearSpellings(w, reader!, highlight) : null;
            if (near is { } found)
            {
                fuzzyWords++;
                matching.Add(found.Query, Occur.SHOULD);
                notices.Add($"No article has \"{w.Written}\"; articles with a near spelling of it were searched: {string.Join("، ", found.Words)}.");
            }
            else if (strictAbsent && _fuzzyWeight > 0 && fuzzyWords >= MaxFuzzyWords && !unwidened.Contains(w.Written)) unwidened.Add(w.Written);
            // A word in the article's first words (its headline, or the opening of an untitled item) ranks it higher;
            // it never makes an article match.
            if (_leadWeight > 0 && w.Stemmed.Length > 0 && !stemmedOnly) scoring.Add(Term(FieldNames.TextLead, LeadTerms(w.Stemmed), _leadWeight));
            foreach (var t in w.Stemmed) highlight.Stemmed.Add(ArabicWord.ReadingOf(t));
            foreach (var t in w.Exact) highlight.Exact.Add(t);
            if (w.Loose.Length == 0 || stemmedOnly) continue;

            var looseClause = Term(FieldNames.TextLoose, w.Loose, _looseWeight);
            if (w.Loose.All(t => t.Length >= MinLooseMatchLength))
            {
                // A long skeleton (امرك for أمريكي and أميركي) is one word's spellings: its variants may match.
                matching.Add(looseClause, Occur.SHOULD);
            }
            else if (strictAbsent && near is null)
            {
                // No article has the word as written or stemmed: let its variants match, and say so.
                if (AnyHas(reader!, FieldNames.TextLoose, w.Loose))
                    notices.Add($"No article has \"{w.Written}\" as written; articles with spelling variants of it were searched.");
                matching.Add(looseClause, Occur.SHOULD);
            }
            else
            {
                // A short skeleton (سفر) is a root shared by unrelated words (السفر, السفارة): it only ranks, and it
                // marks nothing (قطار, a train, is no match of قطر: the article matched the word itself elsewhere).
                scoring.Add(looseClause);
                continue;
            }
            foreach (var t in w.Loose) highlight.Loose.Add(t);
        }
        if (unwidened.Count > 0)
            notices.Add($"Near spellings are searched for at most {MaxFuzzyWords} words a query; not for: {string.Join("، ", unwidened)}.");
        AddNames(text, reader, matching, highlight, notices);
        return new FreeTextQuery(matching, scoring);
    }

    /// <summary>
    /// Names in any script: a gazetteer name in the text (<c>Trump</c>, <c>نتنياهو</c>) also matches the articles that
    /// name that entity in any spelling (<c>ترمب</c>, <c>نتانياهو</c>), with a notice, unless the spelling typed is in
    /// every one of them. A name written in Latin script is also searched as the entity's Arabic spellings
    /// (<see cref="ArabicAliases"/>), so its articles rank by how they name it, not all alike.
    /// </summary>
    private void AddNames(string text, IndexReader? reader, BooleanQuery matching, HighlightTerms highlight, List<string> notices)
    {
        if (reader is null) return;
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in _recognizer.Recognize(text))
        {
            var entity = mention.Entity;
            if (mention.Nested || _recognizer.Gazetteer.Find(entity.Id) is null || !added.Add(entity.Id)) continue;
            string written = text[mention.Start..mention.End];
            var entityTerm = new Term(FieldNames.Entity, entity.Id);
            int entityDf = reader.DocFreq(entityTerm);
            if (entityDf == 0) continue;
            bool latin = !written.Any(c => c is >= '\u0600' and <= '\u06FF');
            if (!latin)
            {
                int writtenDf = int.MaxValue;
                foreach (var (term, _, _, _) in ArabicAnalysis.Terms(_analyzer.For(ArabicView.Exact), written))
                    writtenDf = Math.Min(writtenDf, reader.DocFreq(new Term(FieldNames.TextExact, term)));
                if (writtenDf >= entityDf) continue;
            }
            matching.Add(new TermQuery(entityTerm), Occur.SHOULD);
            if (latin && ArabicAliases(entity, reader, highlight) is { } arabic) matching.Add(arabic, Occur.SHOULD);
            highlight.EntityIds.Add(entity.Id);
            notices.Add($"{written}: also searched as the {Describe(entity.Type)} {entity.Name}.");
        }
    }

    /// <summary>
    /// The entity's Arabic-script spellings as exact-view words or phrases (the better one scores): a name typed in Latin
    /// script (<c>Netanyahu</c>) ranks the articles by how they name it in Arabic (headline, mentions), where the entity
    /// term alone scores every article that names it alike. Null when no Arabic name is in the index.
    /// </summary>
    private DisjunctionMaxQuery? ArabicAliases(Entity entity, IndexReader reader, HighlightTerms highlight)
    {
        var best = new DisjunctionMaxQuery(0f);
        // Spellings of the name only, not descriptions (الرئيس الروسي for Putin): an alias counts when one of its words
        // has the loose key of a word of the entity's name (بوتن and بوتين, ترمب and ترامب, نتانياهو and نتنياهو).
        var nameKeys = ArabicAnalysis.Terms(_analyzer.For(ArabicView.Loose), entity.Name).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        foreach (var alias in entity.Aliases.Append(entity.Name).Distinct(StringComparer.Ordinal))
        {
            if (!alias.Any(c => c is >= '\u0600' and <= '\u06FF')) continue;
            if (!ArabicAnalysis.Terms(_analyzer.For(ArabicView.Loose), alias).Any(t => nameKeys.Contains(t.Term))) continue;
            var terms = ArabicAnalysis.Terms(_analyzer.For(ArabicView.Exact), alias).Select(t => t.Term).ToList();
            if (terms.Count == 0 || terms.Any(t => reader.DocFreq(new Term(FieldNames.TextExact, t)) == 0)) continue;
            if (terms.Count == 1) best.Add(new TermQuery(new Term(FieldNames.TextExact, terms[0])));
            else
            {
                var phrase = new PhraseQuery();
                foreach (var t in terms) phrase.Add(new Term(FieldNames.TextExact, t));
                best.Add(phrase);
            }
            foreach (var t in terms) highlight.Exact.Add(t);
            if (best.Disjuncts.Count == 8) break; // enough spellings; a long alias list costs look-ups per query
        }
        return best.Disjuncts.Count == 0 ? null : best;
    }

    /// <summary>The word for an entity type in notices: person, place, organization.</summary>
    internal static string Describe(EntityType type) => type switch
    {
        EntityType.PER => "person",
        EntityType.LOC => "place",
        _ => "organization",
    };

    private static bool AnyHas(IndexReader reader, string field, string[] terms)
    {
        foreach (var t in terms)
            if (reader.DocFreq(new Term(field, t)) > 0) return true;
        return false;
    }

    /// <summary>
    /// One word in the stemmed view: the better of its readings, each searched as written and as a guessed reading
    /// (<see cref="ProcliticReadings"/>). Null when the index has none of them, so the word does not match there.
    /// </summary>
    private Query? StemmedTerm(string[] readings, IndexReader? reader)
    {
        var clauses = new List<Query>(readings.Length);
        foreach (var r in readings)
            if (ProcliticReadings.Reading(FieldNames.Text, r, _guessWeight, reader) is { } q) clauses.Add(q);
        if (clauses.Count <= 1) return clauses.Count == 0 ? null : clauses[0];
        var max = new DisjunctionMaxQuery(0f);
        foreach (var q in clauses) max.Add(q);
        return max;
    }

    /// <summary>
    /// A word no article has, searched as the corrections "did you mean" offers for it
    /// (<see cref="SpellingSuggester.NearestAbsent"/>: index words one edit away, two for words of six letters or more,
    /// nearest first, then the most frequent), the best <see cref="NearSpellingsPerWord"/> of them, each searched as a
    /// word typed (stemmed and exact views), the better one counting, at <see cref="ArabicSearchOptions.FuzzyWeight"/>.
    /// Their terms go to the highlight, so their hits mark them. Null when there is no correction.
    /// </summary>
    private (Query Query, List<string> Words)? NearSpellings(Word w, IndexReader reader, HighlightTerms highlight)
    {
        var best = new DisjunctionMaxQuery(0f) { Boost = _fuzzyWeight };
        var words = new List<string>();
        foreach (var exact in w.Exact)
        {
            foreach (var correction in SpellingSuggester.NearestAbsent(reader, exact).Take(NearSpellingsPerWord))
            {
                // Two edits are a suggestion, not a search: a name the index lacks (الكاظمي) is two edits from
                // unrelated words (العالمي). Words of MinTwoEditLength letters or more may differ by two.
                if (exact.Length < MinTwoEditLength && SpellingSuggester.EditDistance(exact, correction) > 1) continue;
                var stemmed = ArabicAnalysis.Terms(_analyzer.For(ArabicView.Stemmed), correction).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToArray();
                // A correction that is a common word (التيي → التي) is left out, as the word typed would be.
                if (stemmed.Length == 0) continue;
                var clause = new BooleanQuery(true);
                if (StemmedTerm(stemmed, reader) is { } s) clause.Add(s, Occur.SHOULD);
                if (_exactWeight > 0) clause.Add(Term(FieldNames.TextExact, [correction], _exactWeight), Occur.SHOULD);
                if (clause.Clauses.Count == 0) continue;
                best.Add(clause);
                foreach (var t in stemmed) highlight.Stemmed.Add(ArabicWord.ReadingOf(t));
                highlight.Exact.Add(correction);
                string shown = Autocomplete.WrittenForm(reader, correction) ?? correction;
                if (!words.Contains(shown)) words.Add(shown);
            }
        }
        return best.Disjuncts.Count == 0 ? null : (best, words);
    }

    /// <summary>The lead-field terms of a word's stemmed readings: those read as written, or its guesses when it has no other.</summary>
    private static string[] LeadTerms(string[] stemmed)
    {
        var direct = stemmed.Where(t => !ArabicWord.IsGuess(t)).ToArray();
        return (direct.Length > 0 ? direct : stemmed.Select(ArabicWord.ReadingOf)).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>One word in one field: its reading, or the better of its stacked readings.</summary>
    private static Query Term(string field, string[] readings, float boost)
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

    /// <summary>The analyzed words of <paramref name="text"/> in <paramref name="view"/> by position, each with its distinct readings.</summary>
    private SortedDictionary<int, (string Written, string[] Terms)> Positions(ArabicView view, string text)
    {
        var map = new SortedDictionary<int, (string, string[])>();
        foreach (var group in ArabicAnalysis.Terms(_analyzer.For(view), text).GroupBy(t => t.Position))
            map[group.Key] = (text[group.First().Start..group.First().End], group.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToArray());
        return map;
    }
}
