namespace ArabicSearch.Highlighting;

/// <summary>
/// A necessary condition for a word to have a reading in a set of terms, cheap enough to test on every word of a body
/// before computing its readings. Every stemmed reading of a word is a part of it (<see cref="Analysis.ArabicWord.StemReadings"/>
/// only drops letters at the ends), and a loose reading keeps a subsequence of it with ظ read as ض
/// (<see cref="Analysis.ArabicLooseStemmer"/>); so a term can be a reading of a word only when each Arabic letter of the term
/// occurs in the word. Each term is kept as a 64-bit set of its letters.
/// </summary>
/// <remarks>
/// A set holding a term with any character outside the Arabic letters (digits, Latin) is not filtered: every word may
/// match it. Immutable; thread-safe.
/// </remarks>
internal sealed class LetterFilter
{
    private const char FirstLetter = '\u0621', LastLetter = '\u064A', Zah = '\u0638', Dad = '\u0636';

    /// <summary>A filter that lets every word through.</summary>
    public static LetterFilter All { get; } = new([], everything: true);

    private readonly ulong[] _terms;
    private readonly bool _everything;

    private LetterFilter(ulong[] terms, bool everything)
    {
        _terms = terms;
        _everything = everything;
    }

    /// <summary>The filter of <paramref name="terms"/> (normalized terms of one view).</summary>
    public static LetterFilter Of(IEnumerable<string> terms)
    {
        var masks = new List<ulong>();
        foreach (var term in terms)
        {
            ulong m = 0;
            foreach (char c in term)
            {
                if (c is < FirstLetter or > LastLetter) return All;
                m |= Bit(c);
            }
            masks.Add(m);
        }
        return new LetterFilter([.. masks.Distinct()], everything: false);
    }

    /// <summary>The letters of <paramref name="word"/>, as <see cref="MayRead"/> takes them.</summary>
    public static ulong LettersOf(ReadOnlySpan<char> word)
    {
        ulong m = 0;
        foreach (char c in word) if (c is >= FirstLetter and <= LastLetter) m |= Bit(c);
        return m;
    }

    /// <summary>False when no term of the set can be a reading of a word with <paramref name="letters"/>; true when one may.</summary>
    public bool MayRead(ulong letters)
    {
        if (_everything) return true;
        foreach (ulong t in _terms) if ((t & ~letters) == 0) return true;
        return false;
    }

    private static ulong Bit(char c) => 1UL << ((c == Zah ? Dad : c) - FirstLetter);
}
