using ArabicSearch.Analysis;
using ArabicSearch.Entities;
using ArabicSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArabicSearch.Querying;

/// <summary>
/// "Did you mean": corrections for the words of a query from the index's own terms (the exact view,
/// <see cref="FieldNames.TextExact"/>: normalized, unstemmed, stopwords kept), found with Lucene's
/// <see cref="FuzzyTermsEnum"/> (a Levenshtein automaton over the term dictionary) and ranked by edit distance over
/// normalized forms, then by the number of articles; and for unknown entity names from the gazetteer's aliases.
/// </summary>
/// <remarks>
/// Cheap when not needed: with more than <see cref="FewHits"/> hits it costs one document-frequency lookup per word,
/// and the term dictionary is only walked for words in no article (or, with few hits, in very few), for at most
/// <see cref="MaxWalks"/> words a query. A walk costs tens of milliseconds per misspelled word on a 31k-article index.
/// </remarks>
internal static class SpellingSuggester
{
    /// <summary>At or below this many hits, rare words get corrections too, not only absent ones.</summary>
    public const int FewHits = 3;

    /// <summary>Corrections offered per word.</summary>
    public const int PerWord = 5;

    /// <summary>A correction of a word present in some articles must be in at least this many times as many.</summary>
    private const int RarerBy = 10;

    private const int MaxCandidates = 1_000;

    public static SearchSuggestions? Suggest(IndexReader reader, EntityRecognizer recognizer, SearchRequest request, int total)
    {
        var words = new List<WordSuggestion>();
        string? corrected = null;
        if (request.Text is { Length: > 0 } text && request.Syntax != QuerySyntax.Lucene)
            corrected = SuggestWords(reader, text, total, words);
        foreach (var name in request.Entities.Distinct(StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(name) || recognizer.Resolve(name) is not null) continue;
            var aliases = SuggestEntities(reader, recognizer, name);
            if (aliases.Count > 0) words.Add(new WordSuggestion(name, aliases, IsEntity: true));
        }
        return words.Count == 0 ? null : new SearchSuggestions { CorrectedText = corrected, Words = words };
    }

    /// <summary>Adds corrections for the words of <paramref name="text"/> to <paramref name="into"/>; returns the corrected text, or null.</summary>
    private static string? SuggestWords(IndexReader reader, string text, int total, List<WordSuggestion> into)
    {
        var words = TextWords.Split(text);
        if (words.Count == 0 || words.Count > QueryBudgetWords) return null;
        var frequencies = new int[words.Count];
        bool anyAbsent = false;
        for (int i = 0; i < words.Count; i++)
        {
            frequencies[i] = reader.DocFreq(new Term(FieldNames.TextExact, words[i].Text));
            anyAbsent |= frequencies[i] == 0 && !IsOperator(text, words[i]);
        }
        if (!anyAbsent && total > FewHits) return null;

        var terms = MultiFields.GetTerms(reader, FieldNames.TextExact);
        if (terms is null) return null;
        var replacements = new List<(TextWord Word, string With)>();
        var done = new Dictionary<string, string?>(StringComparer.Ordinal); // a word looked at, and what replaces it
        int walks = 0;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (IsOperator(text, w) || IsExcluded(text, w)) continue;
            if (done.TryGetValue(w.Text, out var again))
            {
                if (again is not null) replacements.Add((w, again)); // the same typo typed twice is corrected twice
                continue;
            }
            done[w.Text] = null;
            if (frequencies[i] > 0 && total > FewHits) continue; // with enough hits, only words in no article are corrected
            if (walks++ == MaxWalks) break;
            var found = frequencies[i] == 0 ? NearestAbsent(reader, w.Text) : Nearest(terms, w.Text, frequencies[i]);
            if (found.Count == 0) continue;
            var shown = found.Select(t => Autocomplete.WrittenForm(reader, t) ?? t).Distinct(StringComparer.Ordinal).ToList();
            into.Add(new WordSuggestion(text[w.Start..w.End], shown));
            replacements.Add((w, shown[0]));
            done[w.Text] = shown[0];
        }
        if (replacements.Count == 0) return null;
        var sb = new System.Text.StringBuilder(text);
        foreach (var (w, with) in replacements.OrderByDescending(r => r.Word.Start))
            sb.Remove(w.Start, w.End - w.Start).Insert(w.Start, with);
        return sb.ToString();
    }

    /// <summary>
    /// The words of one query looked up in the term dictionary, at most (the first ones that need it): each walk costs
    /// tens of milliseconds on a 31k-article index, and 32 unknown words took half a second.
    /// </summary>
    public const int MaxWalks = 8;

    /// <summary>
    /// Longer words are not corrected: no Arabic word is this long, and the automaton of a 200-letter string costs
    /// hundreds of milliseconds to build and walk.
    /// </summary>
    public const int MaxWordLength = 30;

    /// <summary>More words than this are not corrected (a pasted paragraph, not a query).</summary>
    private const int QueryBudgetWords = 32;

    /// <summary>Corrections of absent words, per index snapshot (at most 1,024 words each).</summary>
    private static readonly SnapshotCache<List<string>> Absent = new(1_024);

    /// <summary>
    /// <see cref="Nearest(Terms, string, int)"/> for a word no article has, over the exact view of
    /// <paramref name="reader"/>, kept per index snapshot: the search (near spellings) and "did you mean" walk the term
    /// dictionary once per word, and a typo searched again costs nothing. Empty when the index has no exact view.
    /// </summary>
    internal static List<string> NearestAbsent(IndexReader reader, string word) =>
        Absent.GetOrAdd(reader, word, reader, static (r, w) => MultiFields.GetTerms(r, FieldNames.TextExact) is { } terms ? Nearest(terms, w, 0) : []);

    /// <summary>Index terms within the edit budget of <paramref name="word"/> and more frequent than it, nearest first, then most frequent.</summary>
    private static List<string> Nearest(Terms terms, string word, int frequency)
    {
        int maxEdits = MaxEdits(word.Length);
        if (maxEdits == 0 || word.Length > MaxWordLength) return [];
        int minFrequency = frequency == 0 ? 1 : Math.Max(frequency + 1, frequency * RarerBy);
        var candidates = new List<(string Term, int Distance, int Frequency)>();
        // No required prefix: most Arabic words share their first letters (ال), so keeping them saves little (measured).
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(FieldNames.TextExact, word), maxEdits, 0, true);
        int seen = 0;
        while (fuzzy.MoveNext() && seen++ < MaxCandidates)
        {
            var t = fuzzy.Term;
            int df = fuzzy.DocFreq;
            if (df < minFrequency) continue;
            string term = t.Utf8ToString();
            if (term == word) continue;
            candidates.Add((term, EditDistance(word, term), df));
        }
        return candidates.OrderBy(c => c.Distance).ThenByDescending(c => c.Frequency).ThenBy(c => c.Term, StringComparer.Ordinal)
            .Take(PerWord).Select(c => c.Term).ToList();
    }

    /// <summary>Entity aliases near <paramref name="name"/>: the nearest alias of each entity, nearest first, then the entity most articles name.</summary>
    private static List<string> SuggestEntities(IndexReader reader, EntityRecognizer recognizer, string name)
    {
        string key = AliasIndex.Normalize(name);
        int maxEdits = MaxEdits(key.Length);
        if (maxEdits == 0) return [];
        var best = new Dictionary<string, (string Alias, int Distance)>(StringComparer.Ordinal);
        var index = AliasIndex.For(recognizer);
        ulong mask = AliasIndex.LetterMask(key);
        for (int i = 0; i < index.Aliases.Count; i++)
        {
            // Letters present in one key and not the other bound the distance from below: most aliases stop here.
            if (System.Numerics.BitOperations.PopCount(mask ^ index.LetterMasks[i]) > 2 * maxEdits) continue;
            var (k, alias, entity) = index.Aliases[i];
            int d = BoundedEditDistance(key, k, maxEdits);
            if (d > maxEdits) continue;
            // On a tie, the alias listed first (the canonical name, then written forms before normalized variants).
            if (!best.TryGetValue(entity.Id, out var b) || d < b.Distance
                || (d == b.Distance && IndexOf(entity, alias) < IndexOf(entity, b.Alias))) best[entity.Id] = (alias, d);
        }
        return best
            .Select(kv => (kv.Value.Alias, kv.Value.Distance, Frequency: reader.DocFreq(new Term(FieldNames.Entity, kv.Key))))
            .OrderBy(c => c.Distance).ThenByDescending(c => c.Frequency).ThenBy(c => c.Alias, StringComparer.Ordinal)
            .Take(PerWord).Select(c => c.Alias).ToList();
    }

    private static int IndexOf(Entity entity, string alias) => alias == entity.Name ? -1 : entity.Aliases.ToList().IndexOf(alias);

    /// <summary>The edits allowed for a word of <paramref name="length"/> characters: none up to 3, one up to 5, then two.</summary>
    private static int MaxEdits(int length) => length <= 3 ? 0 : length <= 5 ? 1 : 2;

    /// <summary>Search-box operators (OR, AND, NOT as typed in capitals) are not words to correct.</summary>
    private static bool IsOperator(string text, TextWord w) => text.AsSpan(w.Start, w.End - w.Start) is "OR" or "AND" or "NOT";

    /// <summary>A word typed as <c>-word</c> must not match; correcting it would change nothing useful.</summary>
    private static bool IsExcluded(string text, TextWord w) => w.Start > 0 && text[w.Start - 1] == '-' && (w.Start == 1 || char.IsWhiteSpace(text[w.Start - 2]));

    /// <summary>
    /// <see cref="EditDistance"/> when it is at most <paramref name="max"/>, else <paramref name="max"/> + 1: rows of the
    /// table are computed only while their smallest value is within the bound (row minimums never decrease), on the stack.
    /// It runs over every gazetteer alias for each unknown entity name, where the full table allocated per alias.
    /// </summary>
    internal static int BoundedEditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        int w = b.Length + 1;
        Span<int> rows = w <= 128 ? stackalloc int[3 * w] : new int[3 * w];
        Span<int> before = rows[..w], previous = rows.Slice(w, w), current = rows.Slice(2 * w, w);
        for (int j = 0; j < w; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int least = i;
            for (int j = 1; j < w; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, before[j - 2] + 1);
                current[j] = v;
                least = Math.Min(least, v);
            }
            if (least > max) return max + 1;
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return Math.Min(previous[w - 1], max + 1);
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions, as Lucene's fuzzy automata count them.</summary>
    internal static int EditDistance(string a, string b)
    {
        int w = b.Length + 1;
        var d = new int[(a.Length + 1) * w];
        for (int i = 0; i <= a.Length; i++) d[i * w] = i;
        for (int j = 0; j <= b.Length; j++) d[j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1), d[(i - 1) * w + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[(i - 2) * w + j - 2] + 1);
                d[i * w + j] = v;
            }
        return d[a.Length * w + b.Length];
    }
}
