using System.Text;
using ArabicSearch.Analysis;
using ArabicSearch.Dates;
using ArabicSearch.Entities;

namespace ArabicSearch.Highlighting;

/// <summary>
/// A passage of a text with its matched words: the plain text and the ranges to mark in it.
/// </summary>
/// <param name="Text">The passage as plain text (an ellipsis where it was cut, line breaks as spaces, bidi isolates balanced).</param>
/// <param name="Highlights">The marked ranges, as offsets into <paramref name="Text"/>, in order and not overlapping.</param>
/// <param name="BodyHighlights">Every marked range of the whole text, as offsets into the original text.</param>
internal sealed record Snippet(string Text, IReadOnlyList<TextSpan> Highlights, IReadOnlyList<TextSpan> BodyHighlights)
{
    /// <summary>The empty snippet.</summary>
    public static Snippet Empty { get; } = new("", [], []);

    /// <summary>The passage as HTML: the text escaped, each range wrapped in <c>&lt;mark&gt;…&lt;/mark&gt;</c>.</summary>
    public string Html
    {
        get
        {
            var sb = new StringBuilder(Text.Length + Highlights.Count * 13 + 16);
            int at = 0;
            foreach (var h in Highlights)
            {
                AppendEscaped(sb, Text.AsSpan(at, h.Start - at));
                sb.Append(SnippetBuilder.Open);
                AppendEscaped(sb, Text.AsSpan(h.Start, h.Length));
                sb.Append(SnippetBuilder.Close);
                at = h.Start + h.Length;
            }
            AppendEscaped(sb, Text.AsSpan(at));
            return sb.ToString();
        }
    }

    /// <summary>The passage with each range wrapped in <paramref name="open"/> and <paramref name="close"/>, the text left as it is (for a terminal).</summary>
    public string Marked(string open, string close)
    {
        var sb = new StringBuilder(Text.Length + Highlights.Count * (open.Length + close.Length));
        int at = 0;
        foreach (var h in Highlights)
        {
            sb.Append(Text, at, h.Start - at).Append(open).Append(Text, h.Start, h.Length).Append(close);
            at = h.Start + h.Length;
        }
        return sb.Append(Text, at, Text.Length - at).ToString();
    }

    private static void AppendEscaped(StringBuilder sb, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
    }
}

/// <summary>
/// Builds a snippet of a stored text with the query's matches marked. It re-reads the original text with
/// <see cref="WordScanner"/>, so offsets are exact and survive normalization, and reads each word in every view
/// with the word model (<see cref="ArabicWord.StemReadings"/>, <see cref="ArabicLooseStemmer"/>), so a word is
/// marked exactly when one of its terms is among the terms the query produced in that view (<see cref="HighlightTerms"/>).
/// The passage shown is the one that covers the most distinct query words, then the most marks, so a hit's snippet
/// shows why it matched as fully as the length allows.
/// </summary>
internal static class SnippetBuilder
{
    public const string Open = "<mark>", Close = "</mark>";

    private const char Ellipsis = '…';

    /// <summary>The snippet of <paramref name="text"/> for <paramref name="terms"/>, at most about <paramref name="maxChars"/> characters.</summary>
    /// <param name="text">The stored text.</param>
    /// <param name="terms">What the query matches.</param>
    /// <param name="recognizer">The index's entity recognizer, for entity marks.</param>
    /// <param name="maxChars">The snippet's length, about, in characters.</param>
    /// <param name="published">The article's publication day, which resolves the dates the text mentions (for <see cref="HighlightTerms.MentionedDays"/>).</param>
    public static Snippet Build(string text, HighlightTerms terms, EntityRecognizer recognizer, int maxChars = 280, DateOnly? published = null)
    {
        if (string.IsNullOrEmpty(text)) return Snippet.Empty;
        var (marks, groupCount) = MarksOf(text, terms, recognizer, published);
        var (spans, groupStart, groups) = Merge(marks);
        var (from, to) = BestWindow(text, spans, groupStart, groups, groupCount, maxChars);
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
        var sb = new StringBuilder(to - from + 8);
        if (from > 0) sb.Append(Ellipsis);
        int shift = sb.Length - from;
        for (int i = from; i < to; i++) sb.Append(text[i] is '\n' or '\r' ? ' ' : text[i]);
        BalanceBidi(sb, shift + from);
        if (to < text.Length) sb.Append(Ellipsis);
        var inWindow = new List<TextSpan>();
        foreach (var s in spans)
            if (s.Start >= from && s.Start + s.Length <= to) inWindow.Add(new TextSpan(s.Start + shift, s.Length));
        return new Snippet(sb.ToString(), inWindow, spans);
    }

    /// <summary>
    /// Every word of <paramref name="text"/> the query matched, as merged offsets into it (in order, not overlapping):
    /// the same marks as <see cref="Build"/>'s, for a whole short text such as a headline.
    /// </summary>
    public static IReadOnlyList<TextSpan> Marks(string text, HighlightTerms terms, EntityRecognizer recognizer, DateOnly? published = null)
    {
        if (string.IsNullOrEmpty(text) || terms.IsEmpty) return [];
        return Merge(MarksOf(text, terms, recognizer, published).Marks).Spans;
    }

    /// <summary>The marks of <paramref name="text"/>, each with the query word (group) it stands for, and how many groups there are.</summary>
    private static (List<Mark> Marks, int GroupCount) MarksOf(string text, HighlightTerms terms, EntityRecognizer recognizer, DateOnly? published)
    {
        var marks = new List<Mark>();
        if (terms.IsEmpty) return (marks, 0);
        int groupCount = MarkWords(text, terms, marks);
        // A search by mentioned date: the mentions of a day in the range, resolved as indexing resolved them, are one group.
        if (terms.MentionedDays is var (from, to))
        {
            int group = -1;
            foreach (var m in DateMentionExtractor.Extract(text, published))
            {
                if (from is { } f && m.Date < f || to is { } t && m.Date > t) continue;
                if (group < 0) group = groupCount++;
                marks.Add(new Mark(m.Start, m.End - m.Start, group));
            }
        }
        // Only the text around words that can start a wanted name is recognized (EntityMarks), not the whole body.
        if (terms.EntityIds.Count > 0)
        {
            var names = new List<TextSpan>();
            terms.EntityMarksFor(recognizer).AddTo(text, names);
            AddNames(text, names, terms.EntityIds, recognizer, marks, ref groupCount);
        }
        return (marks, groupCount);
    }

    /// <summary>
    /// Closes the bidi isolates (LRI RLI FSI → PDI) and embeddings/overrides (LRE RLE LRO RLO → PDF) the window opens
    /// and does not close, innermost first, so a cut snippet cannot reorder the page around it.
    /// </summary>
    private static void BalanceBidi(StringBuilder sb, int from)
    {
        Span<char> stack = stackalloc char[64];
        int depth = 0;
        for (int i = from; i < sb.Length; i++)
        {
            char c = sb[i];
            if (c is '\u2066' or '\u2067' or '\u2068') { if (depth < stack.Length) stack[depth++] = '\u2069'; }
            else if (c is '\u202A' or '\u202B' or '\u202D' or '\u202E') { if (depth < stack.Length) stack[depth++] = '\u202C'; }
            else if (c == '\u2069')
            {
                // A PDI closes the innermost isolate and every embedding opened inside it.
                int k = depth - 1;
                while (k >= 0 && stack[k] != '\u2069') k--;
                if (k >= 0) depth = k;
            }
            else if (c == '\u202C' && depth > 0 && stack[depth - 1] == '\u202C') depth--;
        }
        while (depth > 0) sb.Append(stack[--depth]);
    }

    [ThreadStatic] private static char[]? t_buffer;
    [ThreadStatic] private static int[]? t_lengths;
    [ThreadStatic] private static char[]? t_looseBuffer;
    [ThreadStatic] private static List<(int Start, int End, ulong Bits)>? t_words;

    /// <summary>
    /// Adds the marks of entity names: an entity asked for is one query word whatever alias or spelling marks it
    /// (<c>مصطفى الكاظمي</c>, <c>الكاظمى</c>). With one entity asked for every name mark is its; with several, a mark is
    /// read again by the recognizer to tell whose it is (its text alone, a few words), falling back to its normalized text.
    /// </summary>
    private static void AddNames(string text, List<TextSpan> names, HashSet<string> ids, EntityRecognizer recognizer, List<Mark> marks, ref int groupCount)
    {
        if (names.Count == 0) return;
        if (ids.Count == 1)
        {
            int only = groupCount++;
            foreach (var n in names) marks.Add(new Mark(n.Start, n.Length, only));
            return;
        }
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            string name = text.Substring(n.Start, n.Length);
            string? key = null;
            foreach (var m in recognizer.Recognize(name))
                if (ids.Contains(m.Entity.Id)) { key = m.Entity.Id; break; }
            key ??= "\u0001" + ArabicNormalizer.Normalize(name);
            if (!groups.TryGetValue(key, out int group)) groups[key] = group = groupCount++;
            marks.Add(new Mark(n.Start, n.Length, group));
        }
    }

    /// <summary>A marked range of the text and the query word (group) it shows.</summary>
    private readonly record struct Mark(int Start, int Length, int Group);

    /// <summary>
    /// Adds a mark for every word of <paramref name="text"/> that has a term of the query in some view, with the group of
    /// the query word that term stands for (<see cref="WordGroups"/>), and for each run of words that matches a phrase,
    /// one group a phrase. Returns the number of groups. No allocation per word for the bag-of-words sets (this runs
    /// for every hit of every search); phrases keep one small record per word. A word's stemmed and loose readings are
    /// computed only when its letters could hold a term of that view (<see cref="LetterFilter"/>), and at most once per word.
    /// </summary>
    private static int MarkWords(string text, HighlightTerms terms, List<Mark> spans)
    {
        bool anyExact = terms.Exact.Count > 0, anyStemmed = terms.Stemmed.Count > 0, anyLoose = terms.Loose.Count > 0;
        bool anyPhrase = terms.Phrases.Count > 0;
        if (!anyExact && !anyStemmed && !anyLoose && !anyPhrase) return 0;
        var filters = terms.Filters();
        var groups = terms.Groups();
        var buffer = t_buffer ??= new char[ArabicWord.MaxReadings * WordScanner.OutputLength];
        var lengths = t_lengths ??= new int[ArabicWord.MaxReadings];
        var exact = groups.Exact.GetAlternateLookup<ReadOnlySpan<char>>();
        var stemmed = groups.Stemmed.GetAlternateLookup<ReadOnlySpan<char>>();
        var loose = groups.Loose.GetAlternateLookup<ReadOnlySpan<char>>();
        // For phrases: per word, its offsets and which (phrase, position) pairs it matches, as a bit set (64 at most).
        var words = anyPhrase ? t_words ??= [] : null;
        words?.Clear();
        Span<char> word = stackalloc char[WordScanner.OutputLength];
        var looseBuffer = t_looseBuffer ??= new char[WordScanner.OutputLength];
        int position = 0;
        while (WordScanner.Next(text, ref position, word, out int length, out int start, out int end, out uint mask))
        {
            var w = word[..length];
            ulong letters = 0; // the word's letters, computed when a filter first needs them
            bool lettersKnown = false;
            var readings = new Readings(w, mask, buffer, lengths, looseBuffer);
            int group = -1;
            bool hit = anyExact && exact.TryGetValue(w, out group);
            if (!hit && anyStemmed && filters.Stemmed.MayRead(w, Letters(w, ref letters, ref lettersKnown)))
            {
                int n = readings.Stemmed();
                for (int r = 0; r < n && !hit; r++) hit = stemmed.TryGetValue(readings.StemmedAt(r), out group);
            }
            if (!hit && anyLoose && filters.Loose.MayRead(w, Letters(w, ref letters, ref lettersKnown))) hit = loose.TryGetValue(readings.Loose(), out group);
            if (hit) spans.Add(new Mark(start, end - start, group));
            if (words is null) continue;
            ulong bits = 0;
            int bit = 0;
            foreach (var phrase in terms.Phrases)
            {
                foreach (var (_, set) in phrase.Positions)
                {
                    if (bit < 64 && (phrase.View == ArabicView.Exact || filters.Positions[bit].MayRead(w, Letters(w, ref letters, ref lettersKnown))) && ReadsAs(ref readings, phrase.View, set)) bits |= 1UL << bit;
                    bit++;
                }
            }
            words.Add((start, end, bits));
        }
        if (words is null) return groups.Count;
        MarkPhrases(terms, words, spans, groups.Count);
        if (words.Capacity > 16_384) t_words = null; // a very long body's list is not kept for the thread's life
        return groups.Count + terms.Phrases.Count;
    }

    private static ulong Letters(ReadOnlySpan<char> w, ref ulong letters, ref bool known)
    {
        if (!known) (letters, known) = (LetterFilter.LettersOf(w), true);
        return letters;
    }

    private static bool ReadsAs(ref Readings readings, ArabicView view, IReadOnlySet<string> set)
    {
        if (set is not HashSet<string> hs) return false;
        var lookup = hs.GetAlternateLookup<ReadOnlySpan<char>>();
        switch (view)
        {
            case ArabicView.Exact:
                return lookup.Contains(readings.Word);
            case ArabicView.Stemmed:
                int n = readings.Stemmed();
                for (int r = 0; r < n; r++) if (lookup.Contains(readings.StemmedAt(r))) return true;
                return false;
            default:
                return lookup.Contains(readings.Loose());
        }
    }

    /// <summary>One word's readings, computed on first use: its stemmed readings (<see cref="ArabicWord.StemReadings"/>) and its loose stem.</summary>
    private ref struct Readings(ReadOnlySpan<char> word, uint mask, char[] buffer, int[] lengths, char[] looseBuffer)
    {
        private readonly ReadOnlySpan<char> _word = word;
        private int _stemmed = -1, _loose = -1;

        public readonly ReadOnlySpan<char> Word => _word;

        public int Stemmed() => _stemmed >= 0 ? _stemmed : _stemmed = ArabicWord.StemReadings(_word, mask, buffer, lengths);

        public readonly ReadOnlySpan<char> StemmedAt(int r) => buffer.AsSpan(r * _word.Length, lengths[r]);

        public ReadOnlySpan<char> Loose()
        {
            if (_loose < 0)
            {
                _word.CopyTo(looseBuffer);
                _loose = ArabicLooseStemmer.Stem(looseBuffer, _word.Length, mask);
            }
            return looseBuffer.AsSpan(0, _loose);
        }
    }

    /// <summary>
    /// Marks each run of words where every position of a phrase matches, the words of the run only; phrase i is group
    /// <paramref name="firstGroup"/> + i.
    /// </summary>
    private static void MarkPhrases(HighlightTerms terms, List<(int Start, int End, ulong Bits)> words, List<Mark> spans, int firstGroup)
    {
        int bit = 0, group = firstGroup;
        foreach (var phrase in terms.Phrases)
        {
            var positions = phrase.Positions;
            int span = positions[^1].Offset;
            for (int i = 0; i + span < words.Count; i++)
            {
                bool all = true;
                for (int k = 0; k < positions.Count && all; k++)
                {
                    int b = bit + k;
                    all = b < 64 && (words[i + positions[k].Offset].Bits >> b & 1) != 0;
                }
                if (!all) continue;
                foreach (var (offset, _) in positions)
                {
                    var (start, end, _) = words[i + offset];
                    spans.Add(new Mark(start, end - start, group));
                }
            }
            bit += positions.Count;
            group++;
        }
    }

    /// <summary>
    /// The marks sorted and merged where they overlap, with the groups of each merged span: those of span i are
    /// <c>groups[groupStart[i]..groupStart[i + 1]]</c> (a group may repeat).
    /// </summary>
    private static (List<TextSpan> Spans, int[] GroupStart, int[] Groups) Merge(List<Mark> marks)
    {
        marks.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<TextSpan>(marks.Count);
        var groupStart = new List<int>(marks.Count + 1);
        var groups = new int[marks.Count];
        for (int k = 0; k < marks.Count; k++)
        {
            var s = marks[k];
            groups[k] = s.Group;
            if (merged.Count > 0)
            {
                var last = merged[^1];
                if (s.Start < last.Start + last.Length)
                {
                    int end = Math.Max(last.Start + last.Length, s.Start + s.Length);
                    merged[^1] = new TextSpan(last.Start, end - last.Start);
                    continue;
                }
            }
            merged.Add(new TextSpan(s.Start, s.Length));
            groupStart.Add(k);
        }
        groupStart.Add(marks.Count);
        return (merged, groupStart.ToArray(), groups);
    }

    /// <summary>
    /// The window of at most <paramref name="maxChars"/> characters whose marks cover the most distinct query words
    /// (groups), then hold the most marks, the first such window on a tie; snapped to word boundaries. The window
    /// shown holds every mark counted, with up to a quarter of <paramref name="maxChars"/> of context before them.
    /// </summary>
    private static (int From, int To) BestWindow(string text, List<TextSpan> spans, int[] groupStart, int[] groups, int groupCount, int maxChars)
    {
        if (text.Length <= maxChars) return (0, text.Length);
        int bestFirst = -1, bestLast = -1, bestDistinct = 0, bestCount = 0;
        var counts = new int[groupCount];
        int distinct = 0;
        for (int i = 0, j = 0; i < spans.Count; i++)
        {
            if (j < i) j = i; // span i - 1 alone was longer than the window: nothing is counted
            while (j < spans.Count && spans[j].Start + spans[j].Length - spans[i].Start <= maxChars)
            {
                for (int g = groupStart[j]; g < groupStart[j + 1]; g++) if (counts[groups[g]]++ == 0) distinct++;
                j++;
            }
            if (j > i && (distinct > bestDistinct || distinct == bestDistinct && j - i > bestCount))
                (bestFirst, bestLast, bestDistinct, bestCount) = (i, j - 1, distinct, j - i);
            if (j > i) for (int g = groupStart[i]; g < groupStart[i + 1]; g++) if (--counts[groups[g]] == 0) distinct--;
        }
        int from = 0;
        if (bestFirst >= 0)
        {
            int first = spans[bestFirst].Start, last = spans[bestLast].Start + spans[bestLast].Length;
            from = Math.Max(0, first - Math.Min(maxChars / 4, maxChars - (last - first)));
        }
        int to = Math.Min(text.Length, from + maxChars);
        while (from > 0 && !char.IsWhiteSpace(text[from - 1])) from--;
        while (to < text.Length && !char.IsWhiteSpace(text[to])) to++;
        return (from, to);
    }
}
