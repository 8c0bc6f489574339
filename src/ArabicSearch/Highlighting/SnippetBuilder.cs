using System.Text;
using ArabicSearch.Analysis;
using ArabicSearch.Entities;

namespace ArabicSearch.Highlighting;

/// <summary>The words a query matches, in the exact and stemmed views (the loose view is not marked), for marking them in a text.</summary>
internal sealed class HighlightTerms
{
    public HashSet<string> Exact { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Stemmed { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Loose { get; } = new(StringComparer.Ordinal);
    public HashSet<string> EntityIds { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Exact.Count == 0 && Stemmed.Count == 0 && Loose.Count == 0 && EntityIds.Count == 0;

    /// <summary>Adds the words of <paramref name="text"/> (query syntax is harmless: operators are not Arabic words).</summary>
    public void AddWords(string text)
    {
        foreach (var w in TextWords.Split(text))
        {
            if (ArabicStopwords.Contains(w.Text)) continue;
            Exact.Add(w.Text);
            Stemmed.Add(Stem(w.Text));
        }
    }

    public static string Stem(string word)
    {
        var buf = word.ToCharArray();
        return new string(buf, 0, ArabicLightStemmer.Stem(buf, buf.Length));
    }
}

/// <summary>
/// Builds a snippet of a stored text with the query's words marked. It re-tokenizes the original text, so offsets
/// are exact and survive normalization: a query for <c>الكاظمى</c> marks <c>الكاظمي</c> as written.
/// </summary>
internal static class SnippetBuilder
{
    public const string Open = "<mark>", Close = "</mark>";

    public static (string Snippet, IReadOnlyList<TextSpan> Highlights) Build(string text, HighlightTerms terms, EntityRecognizer recognizer, int maxChars = 280)
    {
        if (string.IsNullOrEmpty(text)) return ("", []);
        var spans = new List<TextSpan>();
        if (!terms.IsEmpty)
        {
            if (terms.Exact.Count > 0 || terms.Stemmed.Count > 0 || terms.Loose.Count > 0) MarkWords(text, terms, spans);
            if (terms.EntityIds.Count > 0)
            {
                foreach (var m in recognizer.Recognize(text))
                    if (terms.EntityIds.Contains(m.Entity.Id)) spans.Add(new TextSpan(m.Start, m.End - m.Start));
                spans = Merge(spans);
            }
        }
        var (from, to) = BestWindow(text, spans, maxChars);
        var sb = new StringBuilder(to - from + 64);
        if (from > 0) sb.Append('…');
        int at = from;
        foreach (var s in spans)
        {
            if (s.Start < from || s.Start + s.Length > to) continue;
            sb.Append(text, at, s.Start - at).Append(Open).Append(text, s.Start, s.Length).Append(Close);
            at = s.Start + s.Length;
        }
        sb.Append(text, at, to - at);
        if (to < text.Length) sb.Append('…');
        return (sb.ToString().Replace('\n', ' ').Trim(), spans);
    }

    [ThreadStatic] private static char[]? t_stemBuffer;

    /// <summary>
    /// Adds a span for every word of <paramref name="text"/> whose exact or stemmed form the query has. The same words
    /// as <see cref="TextWords.Split"/>, read with <see cref="WordScanner"/> and looked up as spans, so a long body
    /// costs no allocation per word (this runs for every hit of every search).
    /// </summary>
    private static void MarkWords(string text, HighlightTerms terms, List<TextSpan> spans)
    {
        var stemBuffer = t_stemBuffer ??= new char[WordScanner.OutputLength];
        var exact = terms.Exact.GetAlternateLookup<ReadOnlySpan<char>>();
        var stemmed = terms.Stemmed.GetAlternateLookup<ReadOnlySpan<char>>();
        var loose = terms.Loose.GetAlternateLookup<ReadOnlySpan<char>>();
        bool anyStemmed = terms.Stemmed.Count > 0, anyLoose = terms.Loose.Count > 0;
        Span<char> word = stackalloc char[WordScanner.OutputLength];
        int position = 0;
        while (WordScanner.Next(text, ref position, word, out int length, out int start, out int end))
        {
            var w = word[..length];
            bool hit = exact.Contains(w);
            if (!hit && anyStemmed)
            {
                w.CopyTo(stemBuffer);
                hit = stemmed.Contains(stemBuffer.AsSpan(0, ArabicLightStemmer.Stem(stemBuffer, length)));
            }
            if (!hit && anyLoose)
            {
                w.CopyTo(stemBuffer);
                hit = loose.Contains(stemBuffer.AsSpan(0, ArabicLooseStemmer.Stem(stemBuffer, length)));
            }
            if (hit) spans.Add(new TextSpan(start, end - start));
        }
    }

    private static List<TextSpan> Merge(List<TextSpan> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<TextSpan>(spans.Count);
        foreach (var s in spans)
        {
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
            merged.Add(s);
        }
        return merged;
    }

    /// <summary>The window of at most <paramref name="maxChars"/> characters holding the most marked words, snapped to word boundaries.</summary>
    private static (int From, int To) BestWindow(string text, List<TextSpan> spans, int maxChars)
    {
        if (text.Length <= maxChars) return (0, text.Length);
        int bestStart = 0, bestCount = 0;
        for (int i = 0, j = 0; i < spans.Count; i++)
        {
            while (j < spans.Count && spans[j].Start + spans[j].Length - spans[i].Start <= maxChars) j++;
            if (j - i > bestCount) { bestCount = j - i; bestStart = spans[i].Start; }
        }
        int from = bestCount == 0 ? 0 : Math.Max(0, bestStart - maxChars / 4);
        int to = Math.Min(text.Length, from + maxChars);
        while (from > 0 && !char.IsWhiteSpace(text[from - 1])) from--;
        while (to < text.Length && !char.IsWhiteSpace(text[to])) to++;
        return (from, to);
    }
}
