using System.Text;

namespace ArabicSearch.Duplicates;

/// <summary>
/// Sentence-level differences between two texts. Sentences end at <c>. ! ? ؟</c> (with any closing brackets and
/// quotes after them) and at line breaks; a period between two digits is not an end. Sentences are compared by their
/// normalized words (<see cref="Analysis.ArabicNormalizer"/>), so marks, tatweel, spelling variants of alef, yeh and
/// teh marbuta, punctuation and spacing do not count as changes. The alignment is a longest common subsequence.
/// Pure and thread-safe.
/// </summary>
internal static class SentenceDiff
{
    /// <summary>One sentence of the original text and its comparison key.</summary>
    internal readonly record struct Sentence(string Text, string Key);

    /// <summary>Above this many cells, the table of the alignment is not built and sentences are matched as sets.</summary>
    private const long MaxCells = 16_000_000;

    public static List<(SentenceChange Change, string Text)> Compare(string first, string second)
    {
        var a = Split(first);
        var b = Split(second);
        int prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix].Key == b[prefix].Key) prefix++;
        int suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)].Key == b[^(suffix + 1)].Key) suffix++;

        var result = new List<(SentenceChange, string)>();
        for (int i = 0; i < prefix; i++) result.Add((SentenceChange.Same, a[i].Text));
        var midA = a.GetRange(prefix, a.Count - prefix - suffix);
        var midB = b.GetRange(prefix, b.Count - prefix - suffix);
        if ((long)midA.Count * midB.Count <= MaxCells) Align(midA, midB, result);
        else ByMembership(midA, midB, result);
        for (int i = a.Count - suffix; i < a.Count; i++) result.Add((SentenceChange.Same, a[i].Text));
        return result;
    }

    private static void Align(List<Sentence> a, List<Sentence> b, List<(SentenceChange, string)> result)
    {
        int n = a.Count, m = b.Count;
        // lcs[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = a[i].Key == b[j].Key ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[x].Key == b[y].Key) { result.Add((SentenceChange.Same, a[x].Text)); x++; y++; }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y])) { result.Add((SentenceChange.Added, b[y].Text)); y++; }
            else { result.Add((SentenceChange.Dropped, a[x].Text)); x++; }
        }
    }

    private static void ByMembership(List<Sentence> a, List<Sentence> b, List<(SentenceChange, string)> result)
    {
        var inB = b.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var inA = a.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var s in a) result.Add((inB.Contains(s.Key) ? SentenceChange.Same : SentenceChange.Dropped, s.Text));
        foreach (var s in b) if (!inA.Contains(s.Key)) result.Add((SentenceChange.Added, s.Text));
    }

    /// <summary>The sentences of <paramref name="text"/>, trimmed; sentences without words are left out.</summary>
    public static List<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool end = c is '\n' or '\r' or '!' or '?' or '؟'
                || (c == '.' && !(i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1])));
            if (!end) continue;
            int stop = i + 1;
            while (stop < text.Length && IsTrailing(text[stop])) stop++;
            Add(text, start, stop, sentences);
            start = stop;
            i = stop - 1;
        }
        Add(text, start, text.Length, sentences);
        return sentences;
    }

    private static bool IsTrailing(char c) => c is '.' or '!' or '?' or '؟' or ']' or ')' or '"' or '\'' or '»' or '”' or '’' or ',' or '،';

    private static void Add(string text, int start, int stop, List<Sentence> sentences)
    {
        var sentence = text[start..stop].Trim();
        var key = KeyOf(sentence);
        if (key.Length > 0) sentences.Add(new Sentence(sentence, key));
    }

    /// <summary>The normalized words of a sentence joined by single spaces.</summary>
    internal static string KeyOf(string sentence)
    {
        var buffer = new char[WordReader.MaxWordLength + 8];
        var reader = new WordReader(sentence, buffer);
        var key = new StringBuilder(sentence.Length);
        while (reader.Next())
        {
            if (key.Length > 0) key.Append(' ');
            key.Append(reader.Word);
        }
        return key.ToString();
    }
}
