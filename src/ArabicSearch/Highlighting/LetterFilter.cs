namespace ArabicSearch.Highlighting;

/// <summary>
/// A necessary condition for a word to have a reading in a set of terms, cheap enough to test on every word of a body
/// before computing its readings. Every stemmed reading of a word is a part of it (<see cref="Analysis.ArabicWord.StemReadings"/>
/// only drops letters at the ends), and a loose reading keeps a subsequence of it with ظ read as ض
/// (<see cref="Analysis.ArabicLooseStemmer"/>). So a term can be a reading of a word only when it is a part (or, for the
/// loose view, a subsequence) of the word; a 64-bit set of each term's letters rejects most words before that is checked.
/// </summary>
/// <remarks>
/// A set holding a term with any character outside the Arabic letters (digits, Latin) is not filtered: every word may
/// match it. Immutable; thread-safe.
/// </remarks>
internal sealed class LetterFilter
{
    private const char FirstLetter = '\u0621', LastLetter = '\u064A', Zah = '\u0638', Dad = '\u0636';

    /// <summary>A filter that lets every word through.</summary>
    public static LetterFilter All { get; } = new([], [], subsequence: false, everything: true);

    private readonly ulong[] _masks;
    private readonly string[] _terms;
    private readonly bool _subsequence, _everything;

    private LetterFilter(ulong[] masks, string[] terms, bool subsequence, bool everything)
    {
        _masks = masks;
        _terms = terms;
        _subsequence = subsequence;
        _everything = everything;
    }

    /// <summary>
    /// The filter of <paramref name="terms"/> (normalized terms of one view): a word passes when a term is a part of it,
    /// or with <paramref name="subsequence"/> (the loose view) a subsequence of it, ظ read as ض.
    /// </summary>
    public static LetterFilter Of(IEnumerable<string> terms, bool subsequence = false)
    {
        var kept = new List<string>();
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            foreach (char c in term) if (c is < FirstLetter or > LastLetter) return All;
            kept.Add(term);
        }
        return new LetterFilter([.. kept.Select(t => LettersOf(t))], [.. kept], subsequence, everything: false);
    }

    /// <summary>The letters of <paramref name="word"/>, as <see cref="MayRead"/> takes them.</summary>
    public static ulong LettersOf(ReadOnlySpan<char> word)
    {
        ulong m = 0;
        foreach (char c in word) if (c is >= FirstLetter and <= LastLetter) m |= 1UL << (Fold(c) - FirstLetter);
        return m;
    }

    /// <summary>False when no term of the set can be a reading of <paramref name="word"/> (whose letters are <paramref name="letters"/>); true when one may.</summary>
    public bool MayRead(ReadOnlySpan<char> word, ulong letters)
    {
        if (_everything) return true;
        for (int i = 0; i < _masks.Length; i++)
        {
            if ((_masks[i] & ~letters) != 0) continue;
            if (_subsequence ? IsSubsequence(_terms[i], word) : word.IndexOf(_terms[i].AsSpan(), StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    private static bool IsSubsequence(string term, ReadOnlySpan<char> word)
    {
        int k = 0;
        for (int i = 0; i < word.Length && k < term.Length; i++)
            if (Fold(word[i]) == Fold(term[k])) k++;
        return k == term.Length;
    }

    private static char Fold(char c) => c == Zah ? Dad : c;
}
