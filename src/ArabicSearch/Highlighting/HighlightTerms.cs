using ArabicSearch.Analysis;
using ArabicSearch.Entities;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Highlighting;

/// <summary>
/// What a query matches, as the highlighter needs it: for each view, the set of terms the query produced in that
/// view (bag-of-words clauses), the phrases (a term set per relative position, in one view), and entity ids.
/// <see cref="SnippetBuilder"/> marks a body word when one of its readings in a view is in that view's set, so the
/// marks follow the analyzer rather than a second stemmer: <c>كتاب</c> marks <c>كتابا</c>, <c>أمريكي</c> marks
/// <c>الأميركي</c> through the loose view. Phrase words are kept apart from the sets, so a phrase marks its own
/// words in sequence and not another occurrence of one of them.
/// </summary>
/// <remarks>Filled once by the query translator, then only read; not thread-safe while being filled.</remarks>
internal sealed class HighlightTerms
{
    private static readonly ArabicSearchAnalyzer[] Analyzers =
        [new(ArabicView.Exact), new(ArabicView.Stemmed), new(ArabicView.Loose)];

    private readonly HashSet<string>[] _terms =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    /// <summary>Terms of the exact view.</summary>
    public HashSet<string> Exact => _terms[(int)ArabicView.Exact];

    /// <summary>Terms of the stemmed view.</summary>
    public HashSet<string> Stemmed => _terms[(int)ArabicView.Stemmed];

    /// <summary>Terms of the loose view.</summary>
    public HashSet<string> Loose => _terms[(int)ArabicView.Loose];

    /// <summary>The term set of <paramref name="view"/>.</summary>
    public HashSet<string> Of(ArabicView view) => _terms[(int)view];

    /// <summary>Ids of the entities the query asks for; their mentions are marked.</summary>
    public HashSet<string> EntityIds { get; } = new(StringComparer.Ordinal);

    private EntityMarks? _entityMarks;
    private WordFilters? _filters;

    /// <summary>
    /// The letter filters of the stemmed and loose sets and of each phrase position (in <see cref="Phrases"/> order),
    /// built on first use and kept for the other hits of the same search (rebuilt if the sets grew since).
    /// </summary>
    internal WordFilters Filters()
    {
        int phraseTerms = Phrases.Sum(p => p.Positions.Count);
        if (_filters is { } f && f.StemmedCount == Stemmed.Count && f.LooseCount == Loose.Count && f.Positions.Length == phraseTerms) return f;
        var positions = Phrases.SelectMany(p => p.Positions.Select(x => LetterFilter.Of(x.Terms, p.View == ArabicView.Loose))).ToArray();
        return _filters = new WordFilters(LetterFilter.Of(Stemmed), Stemmed.Count, LetterFilter.Of(Loose, subsequence: true), Loose.Count, positions);
    }

    private WordGroups? _groups;

    /// <summary>
    /// Which query word each term of the three sets stands for (<see cref="WordGroups"/>), built on first use and kept
    /// for the other hits of the same search (rebuilt if the sets grew since).
    /// </summary>
    internal WordGroups Groups()
    {
        if (_groups is { } g && g.ExactCount == Exact.Count && g.StemmedCount == Stemmed.Count && g.LooseCount == Loose.Count) return g;
        return _groups = WordGroups.Of(Exact, Stemmed, Loose);
    }

    /// <summary>
    /// The finder of <see cref="EntityIds"/>' mentions for <paramref name="recognizer"/>, built on first use and kept for
    /// the other hits of the same search (rebuilt if the ids changed since).
    /// </summary>
    internal EntityMarks EntityMarksFor(EntityRecognizer recognizer) =>
        _entityMarks is { } m && ReferenceEquals(m.Recognizer, recognizer) && m.IdCount == EntityIds.Count
            ? m : _entityMarks = new EntityMarks(recognizer, EntityIds);

    /// <summary>Phrases the query asks for; each marks only where all its words occur in sequence.</summary>
    public List<HighlightPhrase> Phrases { get; } = [];

    /// <summary>
    /// The days a search by mentioned date asks for (<see cref="DateField.Mentioned"/>; either end may be open): the
    /// date mentions in that range are marked, as the words that made the article match. Null for other searches.
    /// </summary>
    public (DateOnly? From, DateOnly? To)? MentionedDays { get; set; }

    /// <summary>True when nothing would be marked.</summary>
    public bool IsEmpty => Exact.Count == 0 && Stemmed.Count == 0 && Loose.Count == 0 && EntityIds.Count == 0 && Phrases.Count == 0 && MentionedDays is null;

    /// <summary>Adds a term the query produced in <paramref name="view"/> (as read from the Lucene query, say).</summary>
    public void Add(ArabicView view, string term) => _terms[(int)view].Add(term);

    /// <summary>
    /// Adds the terms <paramref name="text"/> produces in every view, as the analyzers produce them (query syntax is
    /// harmless: operators are not words). Use <see cref="Add"/> instead where the query's own terms are known.
    /// </summary>
    public void AddWords(string text) => AddWords(text, ArabicView.Exact, ArabicView.Stemmed, ArabicView.Loose);

    /// <summary>Adds the terms <paramref name="text"/> produces in <paramref name="views"/>.</summary>
    public void AddWords(string text, params ArabicView[] views)
    {
        ArgumentNullException.ThrowIfNull(views);
        foreach (var view in views)
            foreach (var (term, _) in Analyze(text, view)) _terms[(int)view].Add(term);
    }

    /// <summary>Adds <paramref name="text"/> as a phrase in <paramref name="view"/> (the view its phrase query searches).</summary>
    public void AddPhrase(string text, ArabicView view)
    {
        var positions = new List<(int Offset, HashSet<string> Terms)>();
        foreach (var (term, position) in Analyze(text, view))
        {
            if (positions.Count == 0 || positions[^1].Offset != position) positions.Add((position, new HashSet<string>(StringComparer.Ordinal)));
            positions[^1].Terms.Add(term);
        }
        if (positions.Count == 0) return;
        int first = positions[0].Offset;
        Phrases.Add(new HighlightPhrase(view, positions.Select(p => (p.Offset - first, (IReadOnlySet<string>)p.Terms)).ToArray()));
    }

    private static IEnumerable<(string Term, int Position)> Analyze(string text, ArabicView view) =>
        ArabicAnalysis.Terms(Analyzers[(int)view], text).Select(t => (ArabicWord.ReadingOf(t.Term), t.Position)); // readings, as SnippetBuilder compares
}

/// <summary>A phrase to mark: in <paramref name="View"/>, the word at each relative position must have a reading in its set.</summary>
/// <param name="View">The view the phrase was analyzed in.</param>
/// <param name="Positions">Each word's offset from the first word (stopwords and gaps counted) and its terms.</param>
internal sealed record HighlightPhrase(ArabicView View, IReadOnlyList<(int Offset, IReadOnlySet<string> Terms)> Positions);

/// <summary>The letter filters of a <see cref="HighlightTerms"/> (see <see cref="LetterFilter"/>).</summary>
/// <param name="Stemmed">The filter of the stemmed set.</param>
/// <param name="StemmedCount">The size of the stemmed set it was built from.</param>
/// <param name="Loose">The filter of the loose set.</param>
/// <param name="LooseCount">The size of the loose set it was built from.</param>
/// <param name="Positions">One filter per phrase position, phrases in order.</param>
internal sealed record WordFilters(LetterFilter Stemmed, int StemmedCount, LetterFilter Loose, int LooseCount, LetterFilter[] Positions);

/// <summary>
/// The query words behind the terms of a <see cref="HighlightTerms"/>: each term of each view maps to a group, one per
/// query word, so the snippet can prefer the passage that shows the most distinct query words. The sets hold terms
/// only, not the words they came from, so the groups are rebuilt from the word model: an exact-view term (a query word
/// as normalized) joins its stemmed readings and its loose key when those are in their sets; terms that share a
/// group through any of them are one group (<c>كتاب</c> and <c>الكتاب</c> are one word). A term no exact term
/// reaches is a group of its own.
/// </summary>
/// <param name="Exact">Group of each exact-view term.</param>
/// <param name="Stemmed">Group of each stemmed-view term.</param>
/// <param name="Loose">Group of each loose-view term.</param>
/// <param name="Count">How many groups: ids run from 0 to Count − 1.</param>
/// <param name="ExactCount">The size of the exact set they were built from.</param>
/// <param name="StemmedCount">The size of the stemmed set they were built from.</param>
/// <param name="LooseCount">The size of the loose set they were built from.</param>
internal sealed record WordGroups(
    Dictionary<string, int> Exact, Dictionary<string, int> Stemmed, Dictionary<string, int> Loose, int Count,
    int ExactCount, int StemmedCount, int LooseCount)
{
    /// <summary>The groups of the terms in <paramref name="exact"/>, <paramref name="stemmed"/> and <paramref name="loose"/>.</summary>
    public static WordGroups Of(HashSet<string> exact, HashSet<string> stemmed, HashSet<string> loose)
    {
        // One node a term (exact, then stemmed, then loose), joined by union-find.
        var index = new Dictionary<(int View, string Term), int>();
        foreach (var t in exact) index[(0, t)] = index.Count;
        foreach (var t in stemmed) index[(1, t)] = index.Count;
        foreach (var t in loose) index[(2, t)] = index.Count;
        var parent = new int[index.Count];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        void Join(int a, (int, string) other)
        {
            if (index.TryGetValue(other, out int b)) parent[Find(a)] = Find(b);
        }

        int longest = exact.Count == 0 ? 0 : exact.Max(t => t.Length);
        var buffer = new char[ArabicWord.MaxReadings * Math.Max(longest, 1)];
        var lengths = new int[ArabicWord.MaxReadings];
        var looseBuffer = new char[Math.Max(longest, 1)];
        foreach (var t in exact)
        {
            int node = index[(0, t)];
            // The query's readings came with its hamza mask, lost in the normalized term: both extremes are tried
            // (no ال written with hamza, every one), so إلكترونية joins its readings too.
            foreach (uint mask in (ReadOnlySpan<uint>)[0u, uint.MaxValue])
            {
                int n = ArabicWord.StemReadings(t, mask, buffer, lengths);
                for (int r = 0; r < n; r++) Join(node, (1, new string(buffer, r * t.Length, lengths[r])));
                t.CopyTo(0, looseBuffer, 0, t.Length);
                Join(node, (2, new string(looseBuffer, 0, ArabicLooseStemmer.Stem(looseBuffer, t.Length, mask))));
            }
        }

        var ids = new Dictionary<int, int>();
        var groups = new Dictionary<string, int>[] { new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal) };
        foreach (var ((view, term), node) in index)
        {
            int root = Find(node);
            if (!ids.TryGetValue(root, out int id)) ids[root] = id = ids.Count;
            groups[view][term] = id;
        }
        return new WordGroups(groups[0], groups[1], groups[2], ids.Count, exact.Count, stemmed.Count, loose.Count);
    }
}
