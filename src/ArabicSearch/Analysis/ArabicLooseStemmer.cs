namespace ArabicSearch.Analysis;

/// <summary>
/// An aggressive stemmer for the variant-tolerant (loose) view, as a pure algorithm over a <c>char[]</c> buffer.
/// It reads the word's start with the word model (<c>ArabicWord.Splits</c>), taking its most-stripped reading; when
/// that reading removes a lone proclitic (no article), what is left is read again as a word of its own, so a word
/// with a one-letter proclitic has the key of the word without it (<c>ببغداد</c> → <c>بغداد</c> → <c>غدد</c>, as
/// <c>بغداد</c>; <c>لكندا</c> as <c>كندا</c>), the reading the stemmed view gives it too. Then it removes the
/// suffixes as <see cref="ArabicLightStemmer"/> does, and one more layer the light stemmer
/// guards against: a final alef, nisba ي or ت on short words (<c>دورا</c>, <c>دولي</c>, <c>اسست</c>), ون/ين/ان
/// after four letters (<c>لاعبين</c>), and an imperfect-verb prefix ي ت ن (<c>يتسبب</c>/<c>تتسبب</c>). Of what is
/// left, a word of four letters or more keeps only its consonant skeleton: the long vowels ا و ي after the first
/// letter are dropped, so spelling variants of borrowed words and plene/defective spellings meet
/// (<c>أميركي</c>/<c>أمريكي</c> → <c>امرك</c>); and ظ is folded to ض, a frequent misspelling.
/// </summary>
/// <remarks>
/// This view merges words the light stemmer keeps apart on purpose (<c>الدولي</c> and <c>الدولة</c> both become
/// <c>دول</c>), so it is searched beside the light and exact
/// views, never alone: a document must match those too to rank first. Stateless and thread-safe; no allocation.
/// </remarks>
public static class ArabicLooseStemmer
{
    private const char Alef = '\u0627', Teh = '\u062A', Yeh = '\u064A', Noon = '\u0646', Waw = '\u0648',
        Zah = '\u0638', Dad = '\u0636';

    /// <summary>Stems the first <paramref name="len"/> characters of <paramref name="s"/> in place; returns the new length.</summary>
    public static int Stem(char[] s, int len)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Stem(s, len, 0);
    }

    /// <summary>As <see cref="Stem(char[], int)"/>, with the hamza mask of <see cref="WordScanner"/> (ال with hamza is no article).</summary>
    internal static int Stem(char[] s, int len, uint hamzaMask)
    {
        if (len < 3 || !(s[0] is >= '\u0621' and <= '\u064A')) return len;
        // The prefixes, as the word model reads them: the most-stripped reading, and again on what a lone proclitic
        // leaves (a word read without its proclitic has that word's key: ببغداد is ب + بغداد, keyed as بغداد is).
        // An article ends the reading: the word model takes what follows it as the bare word.
        Span<WordSplit> splits = stackalloc WordSplit[ArabicWord.MaxSplits];
        int from = 0;
        while (true)
        {
            int count = ArabicWord.Splits(s.AsSpan(from, len - from), from < 32 ? hamzaMask >> from : 0, splits);
            var most = splits[0];
            foreach (var split in splits[..count]) if (split.Start > most.Start) most = split;
            from += most.Start;
            if (most.Start == 0 || most.HasArticle) break;
        }
        int n = ArabicLightStemmer.StripSuffixes(s.AsSpan(from, len - from), out _);
        if (from > 0) Array.Copy(s, from, s, 0, n);
        // one more layer of suffixes, each leaving at least three letters: سنويا → سنوي → سنو, اسست → اسس
        if (n >= 4 && s[n - 1] == Alef) n--;
        if (n >= 4 && s[n - 1] == Yeh) n--;
        if (n >= 4 && s[n - 1] == Teh) n--;
        if (n >= 5 && s[n - 1] == Noon && (s[n - 2] == Yeh || s[n - 2] == Waw || s[n - 2] == Alef)) n -= 2; // لاعبين → لاعب
        int start = 0;
        if (n >= 4 && (s[0] == Yeh || s[0] == Teh || s[0] == Noon)) start = 1;
        int w = 0;
        for (int r = start; r < n; r++)
        {
            char c = s[r];
            if (w > 0 && n - start >= 4 && (c == Alef || c == Waw || c == Yeh)) continue; // consonant skeleton
            s[w++] = c == Zah ? Dad : c;
        }
        return w;
    }
}
