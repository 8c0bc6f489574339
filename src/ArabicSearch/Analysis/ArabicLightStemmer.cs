namespace ArabicSearch.Analysis;

/// <summary>
/// A guarded light stemmer for normalized Arabic words (see <see cref="ArabicNormalizer"/>), as a pure algorithm
/// over a <c>char[]</c> buffer. It removes the definite article with its attached particles, one-letter
/// proclitics, pronoun and plural suffixes and the tanween alef, and undoes teh marbuta written as teh before a
/// suffix (<c>عاصمتها</c> → <c>عاصم</c> like <c>عاصمة</c>). Guards on the remaining length keep short words whole.
/// </summary>
/// <remarks>
/// The prefixes are read by the word model (<c>ArabicWord</c>), which gives every plausible reading; this class
/// takes one of them and removes the suffixes. Deviations from Lucene's <c>ArabicStemmer</c>: a lone و/ف/ب/ك/ل is
/// one reading beside the word itself (Lucene turns <c>وزير</c> into <c>زير</c> only; it keeps <c>لمصر</c>); ال with
/// hamza (<c>إلكترونية</c>) is no article; pronoun suffixes are handled; the nisba ي is kept, so <c>الدولي</c> and
/// <c>الدولة</c> stay apart.
/// Stateless and thread-safe.
/// </remarks>
public static class ArabicLightStemmer
{
    private const char Alef = '\u0627', Waw = '\u0648', Teh = '\u062A', Heh = '\u0647', Yeh = '\u064A', Seen = '\u0633';

    /// <summary>Stems the first <paramref name="len"/> characters of <paramref name="s"/> in place; returns the new length (never 0 for a non-empty word).</summary>
    /// <param name="s">The normalized word.</param>
    /// <param name="len">Its length.</param>
    /// <param name="stripProclitic">Whether the most-stripped reading is taken (a lone one-letter proclitic removed)
    /// rather than the direct one. Such a letter is as often the word's first root letter (<c>كتاب</c>, <c>بغداد</c>),
    /// so <see cref="ArabicLightStemFilter"/> indexes every reading the word model gives.</param>
    /// <remarks>The prefixes are read by the word model (<c>ArabicWord</c>) with no hamza information, so every ال counts as the article.</remarks>
    public static int Stem(char[] s, int len, bool stripProclitic = true)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Stem(s, len, 0, stripProclitic);
    }

    /// <summary>As <see cref="Stem(char[], int, bool)"/>, with the hamza mask of <see cref="WordScanner"/>.</summary>
    internal static int Stem(char[] s, int len, uint hamzaMask, bool stripProclitic = true)
    {
        if (len < 3 || !ArabicWord.IsArabicLetter(s[0])) return len;
        Span<WordSplit> splits = stackalloc WordSplit[ArabicWord.MaxSplits];
        var w = s.AsSpan(0, len);
        int count = ArabicWord.Splits(w, hamzaMask, splits);
        int start = 0;
        if (stripProclitic) { foreach (var split in splits[..count]) start = Math.Max(start, split.Start); }
        else start = splits[0].Start;
        int n = StripSuffixes(w[start..], out _);
        if (start > 0) Array.Copy(s, start, s, 0, n);
        return n;
    }

    /// <summary>True when the word may start with a lone one-letter proclitic, so it has two readings or more.</summary>
    public static bool HasLoneProclitic(char[] s, int len)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (len < 3 || !ArabicWord.IsArabicLetter(s[0])) return false;
        Span<WordSplit> splits = stackalloc WordSplit[ArabicWord.MaxSplits];
        int count = ArabicWord.Splits(s.AsSpan(0, len), 0, splits);
        return count > 1 && !splits[0].HasArticle;
    }

    // ه (his) is not listed: after normalization it is also teh marbuta, removed below in either case; the nisba ي is kept.
    private static readonly string[] PronounSuffixes = ["هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها"];
    private static readonly string[] PluralSuffixes = ["ات", "ون", "ين", "ان"];

    /// <summary>
    /// The length of the bare word <paramref name="s"/> (proclitics and article already removed) without its
    /// suffixes. <paramref name="tanweenAmbiguous"/> is true when what is left is four letters ending in an alef that
    /// may be the tanween alef (<c>عاما</c>, <c>يوما</c>) or the word's own (<c>كندا</c>): both readings count.
    /// </summary>
    internal static int StripSuffixes(ReadOnlySpan<char> s, out bool tanweenAmbiguous)
    {
        tanweenAmbiguous = false;
        int end = s.Length;
        int n = end;
        if (n < 3) return end;
        bool pronoun = false;
        foreach (var suf in PronounSuffixes)
        {
            if (n - suf.Length < 3 || !s[..end].EndsWith(suf)) continue;
            if (suf == "نا" && s[end - 3] == Alef) break; // ـانًا is tanween after ان (سكانًا, مكانًا), not "our"
            end -= suf.Length; n -= suf.Length; pronoun = true;
            break;
        }
        // tanween alef (هجوماً → هجوما after normalization); short words ending in alef (كندا) stay whole
        bool alefEnd = !pronoun && s[end - 1] == Alef && s[end - 2] != Alef && s[end - 2] != Yeh && s[end - 2] != Waw;
        if (alefEnd && n >= 5) { end--; n--; }
        else if (alefEnd && n == 4) { tanweenAmbiguous = true; return end; }
        if (pronoun && s[end - 1] == Teh && n >= 4) { end--; n--; } // عاصمتها → عاصم(ة)
        if (!pronoun)
        {
            foreach (var suf in PluralSuffixes)
            {
                if (s[..end].EndsWith(suf) && PluralStemIsLongEnough(s, end - suf.Length, n - suf.Length, suf) && !IsStanEnding(s, end, suf))
                {
                    end -= suf.Length; n -= suf.Length;
                    break;
                }
            }
        }
        // teh marbuta (normalized to heh) and the feminine nisba يه → ي
        if (n >= 4 && s[end - 1] == Heh)
        {
            end--; n--;
            // ...or the pronoun ه after teh marbuta written as ت: رئاسته → رئاس(ة), like الرئاسة
            if (!pronoun && n >= 4 && s[end - 1] == Teh) { end--; n--; }
        }
        return end;
    }

    // ات leaves three letters (هجمات → هجم); ون/ين five, or four ending in the nisba ي (عراقيين → عراقي, but
    // فلسطين stays); ان five, since many short words end in it (لبنان, ايران).
    private static bool PluralStemIsLongEnough(ReadOnlySpan<char> s, int stemEnd, int stemLength, string suffix) => suffix switch
    {
        "ات" => stemLength >= 3,
        "ان" => stemLength >= 5,
        _ => stemLength >= 5 || (stemLength == 4 && s[stemEnd - 1] == Yeh),
    };

    // -stan country names (افغانستان, باكستان) end in ان without being duals.
    private static bool IsStanEnding(ReadOnlySpan<char> s, int end, string suffix) =>
        suffix == "ان" && end >= 4 && s[end - 3] == Teh && s[end - 4] == Seen;
}
