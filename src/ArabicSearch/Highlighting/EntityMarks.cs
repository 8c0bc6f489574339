using System.Buffers;
using System.Runtime.CompilerServices;
using ArabicSearch.Analysis;
using ArabicSearch.Entities;

namespace ArabicSearch.Highlighting;

/// <summary>
/// Finds the mentions of the entities a query asks for in a text, as <see cref="EntityRecognizer.Recognize(string)"/> over the
/// whole text would, without recognizing the whole text. A mention of an entity starts at, or lies a few words from, a
/// word that ends with the first key word of one of its names (the recognizer and the name rules compare bare words,
/// which are the word without some of its first letters). One cheap pass finds those candidate words; the recognizer
/// then reads only the text around them (<see cref="GazetteerContext"/> words on each side, more for names the rules found),
/// so a name cut at the edge of that window is still read whole and in the same context as in the whole text.
/// </summary>
/// <remarks>
/// Candidate words are found without reading every word: each key has a letter other than ا and ء (the rarest in news
/// text), every candidate word holds one of the characters that fold to it, and a vectorized search jumps from one such
/// character to the next; only the words there are normalized and compared, and the window around a candidate is
/// counted in words from it (a word being a run of characters between separators with a letter in it). Keys with no
/// such letter fall back to reading every word.
/// The recognizer is greedy from left to right: what it finds at a word depends only on the words from the last point
/// where no name spans, which in news text is a few words back. That the window is always enough is checked, not
/// proven: <c>EntityMarksAntTests</c> compares the marks with the whole-text recognizer's for every entity of the
/// first 2,000 ANT articles, and passed on all 31,525 once. When the candidates' windows cover two thirds of the text or
/// more, the whole text is recognized once instead. Built once per query, then immutable; its scan buffers are
/// thread-static, so it is thread-safe.
/// </remarks>
internal sealed class EntityMarks
{
    /// <summary>Words of context read before each candidate word when a wanted name is one the rules found.</summary>
    internal const int ContextBefore = 24;

    /// <summary>Words of context read after each candidate word when a wanted name is one the rules found.</summary>
    internal const int ContextAfter = 16;

    /// <summary>
    /// Words of context on each side when every wanted name is a gazetteer name: more than its longest alias (7 words),
    /// the farthest a name that covers the candidate can start before it or reach after it. The rules never change
    /// what the gazetteer matches, so their longer reach (a title, then up to six words, then the name) does not apply.
    /// </summary>
    internal const int GazetteerContext = 10;

    // The longest run of proclitics and article a bare word drops (و + ب + ال, or و + لل).
    private const int MaxPrefix = 4;

    // Gazetteer matches never depend on the name rules (the rules only take words the gazetteer left), so when every
    // wanted entity is a gazetteer entity the windows are read by a twin recognizer without the rules, which cost more
    // than the gazetteer lookups. One twin per recognizer, built on first use.
    private static readonly ConditionalWeakTable<EntityRecognizer, EntityRecognizer> RulesFree = new();

    private readonly EntityRecognizer _source;
    private readonly EntityRecognizer _recognizer;
    private readonly IReadOnlySet<string> _ids;
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly string _lastLetters;
    private readonly int _before, _after;

    // Normalized letters from the most to the least frequent in ANT news bodies (a key is searched by its rarest one).
    private const string ByFrequency = "اليموهنرتبعدفسقكحجشصطءخزضثذغظ";

    // For each normalized letter, the characters whose folding produces it (alone, or within an expansion).
    private static readonly Lazy<Dictionary<char, string>> Preimages = new(BuildPreimages);

    // The characters one of which every candidate word holds; null: read every word.
    private readonly SearchValues<char>? _filter;

    [ThreadStatic] private static int[]? t_starts;
    [ThreadStatic] private static int[]? t_ends;

    /// <summary>The recognizer whose mentions these are.</summary>
    public EntityRecognizer Recognizer => _source;

    /// <summary>How many ids it was built for.</summary>
    public int IdCount { get; }

    /// <summary>The finder for the entities with <paramref name="ids"/> (gazetteer or generated ids; unknown ids are never marked).</summary>
    public EntityMarks(EntityRecognizer recognizer, IReadOnlySet<string> ids)
    {
        _source = recognizer;
        _ids = ids;
        IdCount = ids.Count;
        bool anyGenerated = false;
        foreach (var id in ids)
        {
            if (recognizer.Gazetteer.Find(id) is { } entity)
            {
                foreach (var alias in entity.Aliases)
                {
                    var words = TextWords.Split(alias);
                    if (words.Count > 0) _keys.Add(ArabicWord.WithoutArticle(words[0].Text));
                }
            }
            else if (GeneratedEntities.TryDescribe(id) is { } generated)
            {
                anyGenerated = true;
                // The id is the type and the name's normalized words, each without its article: per:يحيي_رسول.
                int from = id.IndexOf(':', StringComparison.Ordinal) + 1;
                int to = id.IndexOf('_', from);
                if (to < 0) to = id.Length;
                if (to > from) _keys.Add(id[from..to]);
                foreach (var alias in generated.Aliases)
                {
                    var words = TextWords.Split(alias);
                    if (words.Count > 0) _keys.Add(ArabicWord.WithoutArticle(words[0].Text));
                }
            }
        }
        (_before, _after) = anyGenerated ? (ContextBefore, ContextAfter) : (GazetteerContext, GazetteerContext);
        _recognizer = !anyGenerated && recognizer.UseRules
            ? RulesFree.GetValue(recognizer, r => new EntityRecognizer(r.Gazetteer) { UseRules = false })
            : recognizer;
        _lastLetters = new string(_keys.Where(k => k.Length > 0).Select(k => k[^1]).Distinct().ToArray());
        _filter = FilterOf(_keys);
    }

    /// <summary>
    /// The characters that fold to the rarest letter of each key (not ا or ء, which hamza composition and the لل
    /// spelling can produce from other characters); null when a key has no other letter.
    /// </summary>
    private static SearchValues<char>? FilterOf(HashSet<string> keys)
    {
        var letters = new HashSet<char>();
        foreach (var key in keys)
        {
            char best = '\0';
            int bestRank = -1;
            foreach (char c in key)
            {
                if (c is '\u0627' or '\u0621') continue;
                int rank = ByFrequency.IndexOf(c);
                if (rank < 0) rank = ByFrequency.Length; // rarer than every listed letter
                if (rank > bestRank) (best, bestRank) = (c, rank);
            }
            if (bestRank < 0) return null;
            letters.Add(best);
        }
        var chars = new HashSet<char>();
        foreach (char letter in letters)
            if (Preimages.Value.TryGetValue(letter, out var from)) chars.UnionWith(from);
        return SearchValues.Create([.. chars.Order()]);
    }

    private static Dictionary<char, string> BuildPreimages()
    {
        var sets = new Dictionary<char, System.Text.StringBuilder>();
        void Add(char letter, char from)
        {
            if (!sets.TryGetValue(letter, out var sb)) sets[letter] = sb = new System.Text.StringBuilder();
            if (sb.Length == 0 || sb[^1] != from) sb.Append(from);
        }
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i, f = ArabicNormalizer.Fold(c);
            if (f is ArabicNormalizer.Separator or ArabicNormalizer.Ignorable) continue;
            if (f == ArabicNormalizer.Expands) foreach (char e in ArabicNormalizer.Expansion(c)) Add(e, c);
            else if (f == ArabicNormalizer.ExpandsToWords) foreach (var w in ArabicNormalizer.ExpansionWords(c)) foreach (char e in w) Add(e, c);
            else Add(f, c);
        }
        return sets.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
    }

    /// <summary>Adds the range of every mention of the wanted entities in <paramref name="text"/> to <paramref name="spans"/> (offsets into the text).</summary>
    public void AddTo(string text, List<TextSpan> spans)
    {
        if (_keys.Count == 0 || text.Length == 0) return;
        if (_filter is not null)
        {
            AddAround(text, _filter, spans);
            return;
        }
        var starts = t_starts ??= new int[1024];
        var ends = t_ends ??= new int[1024];
        var keys = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> word = stackalloc char[WordScanner.OutputLength];
        Span<char> spelled = stackalloc char[WordScanner.OutputLength + 1];
        int count = 0, position = 0;
        // Candidate windows, as word ranges [lo, hi], merged as they are found (candidates come in text order).
        var windows = new List<(int Lo, int Hi)>();
        while (WordScanner.Next(text, ref position, word, out int length, out int start, out int end))
        {
            if (count == starts.Length)
            {
                Array.Resize(ref starts, count * 2);
                Array.Resize(ref ends, count * 2);
                t_starts = starts;
                t_ends = ends;
            }
            starts[count] = start;
            ends[count] = end;
            if (length > 0 && _lastLetters.Contains(word[length - 1]) && IsCandidate(word[..length], keys, spelled))
            {
                int lo = Math.Max(0, count - _before), hi = count + _after;
                if (windows.Count > 0 && lo <= windows[^1].Hi + 1) windows[^1] = (windows[^1].Lo, hi);
                else windows.Add((lo, hi));
            }
            count++;
        }
        if (windows.Count == 0) return;
        int covered = 0;
        foreach (var (lo, hi) in windows) covered += Math.Min(hi, count - 1) - lo + 1;
        if (covered * 3 >= count * 2)
        {
            // Most of the text is near a candidate: reading it whole once is cheaper than reading overlapping windows.
            Add(text, 0, spans);
            return;
        }
        foreach (var (lo, hi) in windows)
        {
            int from = starts[lo], to = ends[Math.Min(hi, count - 1)];
            Add(from == 0 && to == text.Length ? text : text[from..to], from, spans);
        }
    }

    /// <summary>
    /// As <see cref="AddTo"/>, visiting only the runs of characters (words between separators) that hold a character of
    /// <paramref name="filter"/>; windows are counted in such runs around each candidate and merged as the word windows are.
    /// </summary>
    private void AddAround(string text, SearchValues<char> filter, List<TextSpan> spans)
    {
        var keys = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> word = stackalloc char[WordScanner.OutputLength];
        Span<char> spelled = stackalloc char[WordScanner.OutputLength + 1];
        List<(int From, int To)>? windows = null;
        int at = 0;
        while (at < text.Length)
        {
            int found = text.AsSpan(at).IndexOfAny(filter);
            if (found < 0) break;
            int p = at + found, runStart = p, runEnd = p + 1;
            while (runStart > 0 && !IsSeparator(text[runStart - 1])) runStart--;
            while (runEnd < text.Length && !IsSeparator(text[runEnd])) runEnd++;
            at = runEnd;
            if (!HasCandidate(text.AsSpan(runStart, runEnd - runStart), keys, word, spelled)) continue;
            int to = RunsAfter(text, runEnd, _after);
            windows ??= [];
            if (windows.Count > 0 && RunsBefore(text, runStart, _before, windows[^1].To, out int from)) windows[^1] = (windows[^1].From, Math.Max(windows[^1].To, to));
            else
            {
                RunsBefore(text, runStart, _before, -1, out from);
                windows.Add((from, to));
            }
        }
        if (windows is null) return;
        long covered = 0;
        foreach (var (from, to) in windows) covered += to - from;
        if (covered * 3 >= text.Length * 2L)
        {
            // Most of the text is near a candidate: reading it whole once is cheaper than reading overlapping windows.
            Add(text, 0, spans);
            return;
        }
        foreach (var (from, to) in windows) Add(from == 0 && to == text.Length ? text : text[from..to], from, spans);
    }

    private static bool IsSeparator(char c) => ArabicNormalizer.Fold(c) == ArabicNormalizer.Separator;

    /// <summary>Whether a run of characters between separators holds a letter (marks alone are no word).</summary>
    private static bool IsWordRun(ReadOnlySpan<char> run)
    {
        foreach (char c in run)
            if (ArabicNormalizer.Fold(c) != ArabicNormalizer.Ignorable) return true;
        return false;
    }

    /// <summary>Whether a word of the run (usually one; a ligature of words or an overlong run gives more) is a candidate.</summary>
    private bool HasCandidate(ReadOnlySpan<char> run, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> keys, Span<char> word, Span<char> spelled)
    {
        int position = 0;
        while (WordScanner.Next(run, ref position, word, out int length, out _, out _))
            if (length > 0 && _lastLetters.Contains(word[length - 1]) && IsCandidate(word[..length], keys, spelled)) return true;
        return false;
    }

    /// <summary>The end of the <paramref name="count"/>-th word run after <paramref name="from"/>, or the end of the text.</summary>
    private static int RunsAfter(string text, int from, int count)
    {
        int p = from, end = from;
        for (int n = 0; n < count && p < text.Length;)
        {
            while (p < text.Length && IsSeparator(text[p])) p++;
            int start = p;
            while (p < text.Length && !IsSeparator(text[p])) p++;
            if (p > start && IsWordRun(text.AsSpan(start, p - start))) { n++; end = p; }
        }
        return Math.Max(end, from);
    }

    /// <summary>
    /// The start of the <paramref name="count"/>-th word run before <paramref name="from"/> (or 0) in <paramref name="start"/>;
    /// true when at most <paramref name="count"/> word runs lie between <paramref name="limit"/> (the end of the last window)
    /// and <paramref name="from"/>, so the new window joins that one.
    /// </summary>
    private static bool RunsBefore(string text, int from, int count, int limit, out int start)
    {
        int p = from, n = 0;
        start = from;
        while (p > 0 && p > limit)
        {
            while (p > 0 && IsSeparator(text[p - 1])) p--;
            int end = p;
            while (p > 0 && !IsSeparator(text[p - 1])) p--;
            if (end <= limit) break; // the run ends inside the last window
            if (p < end && IsWordRun(text.AsSpan(p, end - p)))
            {
                if (n == count) return false; // a word run beyond this window's reach: the windows stay apart
                n++;
                start = p;
            }
        }
        if (limit < 0) start = n < count ? 0 : start;
        return limit >= 0;
    }

    private void Add(string window, int offset, List<TextSpan> spans)
    {
        foreach (var m in _recognizer.Recognize(window))
            if (_ids.Contains(m.Entity.Id)) spans.Add(new TextSpan(offset + m.Start, m.End - m.Start));
    }

    /// <summary>Whether a bare word of <paramref name="w"/> (the word with up to <see cref="MaxPrefix"/> first letters dropped) is a key.</summary>
    private static bool IsCandidate(ReadOnlySpan<char> w, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> keys, Span<char> spelled)
    {
        for (int p = 0; p <= MaxPrefix && p < w.Length; p++)
            if (keys.Contains(w[p..])) return true;
        // لل written back as ال (للرئيس → الرئيس), before or after a conjunction.
        for (int p = 0; p <= 1 && p + 2 < w.Length; p++)
        {
            if (w[p] != 'ل' || w[p + 1] != 'ل') continue;
            spelled[0] = 'ا';
            w[(p + 1)..].CopyTo(spelled[1..]);
            if (keys.Contains(spelled[..(w.Length - p)])) return true;
        }
        return false;
    }
}
