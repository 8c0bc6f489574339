namespace ArabicSearch.Analysis;

/// <summary>
/// A guarded light stemmer for normalized Arabic words (see <see cref="ArabicNormalizer"/>), as a pure algorithm
/// over a <c>char[]</c> buffer. It removes the definite article with its attached particles, one-letter
/// proclitics, pronoun and plural suffixes and the tanween alef, and undoes teh marbuta written as teh before a
/// suffix (<c>عاصمتها</c> → <c>عاصم</c> like <c>عاصمة</c>). Guards on the remaining length keep short words whole.
/// </summary>
/// <remarks>
/// Deviations from Lucene's <c>ArabicStemmer</c>: a bare و is stripped only when at least four letters stay
/// (Lucene turns <c>وزير</c> into <c>زير</c>); ب ل ك ف are stripped too (Lucene keeps <c>لمصر</c>); pronoun
/// suffixes are handled; the nisba ي is kept, so <c>الدولي</c> and <c>الدولة</c> stay apart.
/// Stateless and thread-safe.
/// </remarks>
public static class ArabicLightStemmer
{
    private const char Alef = '\u0627', Lam = '\u0644', Waw = '\u0648', Feh = '\u0641', Beh = '\u0628', Kaf = '\u0643',
        Teh = '\u062A', Heh = '\u0647', Yeh = '\u064A', Noon = '\u0646', Seen = '\u0633';

    /// <summary>Stems the first <paramref name="len"/> characters of <paramref name="s"/> in place; returns the new length (never 0 for a non-empty word).</summary>
    /// <param name="s">The normalized word.</param>
    /// <param name="len">Its length.</param>
    /// <param name="stripProclitic">Whether a lone one-letter proclitic (و ف ب ك ل س without the article) is removed.
    /// Such a letter is as often the word's first root letter (<c>كتاب</c>, <c>بغداد</c>), so
    /// <see cref="ArabicLightStemFilter"/> indexes both readings (see <see cref="HasLoneProclitic"/>).</param>
    public static int Stem(char[] s, int len, bool stripProclitic = true)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (len < 3 || !IsArabic(s[0])) return len;
        int start = StripPrefixes(s, len, stripProclitic);
        int end = StripSuffixes(s, start, len);
        int n = end - start;
        if (start > 0) Array.Copy(s, start, s, 0, n);
        return n;
    }

    private static bool IsArabic(char c) => c is >= '\u0621' and <= '\u064A';

    /// <summary>True when the word may start with a lone one-letter proclitic, so it has two readings.</summary>
    public static bool HasLoneProclitic(char[] s, int len)
    {
        ArgumentNullException.ThrowIfNull(s);
        return len >= 3 && IsArabic(s[0]) && StripPrefixes(s, len, true) == 1 && StripPrefixes(s, len, false) == 0;
    }

    private static int StripPrefixes(char[] s, int len, bool stripProclitic)
    {
        // Conjunction و/ف, then a preposition ب/ك/ل, then the article ال (or the contraction لل = ل + ال).
        int i = 0;
        if ((s[0] == Waw || s[0] == Feh) && len - 1 >= 3 && HasArticleAt(s, 1, len)) i = 1;
        if (i == 0 && (s[0] == Waw || s[0] == Feh) && len >= 5 && (s[1] == Beh || s[1] == Kaf || s[1] == Lam) && HasArticleAt(s, 2, len)) i = 1;
        if (i == 0 && (s[0] == Waw || s[0] == Feh) && len >= 5 && s[1] == Lam && s[2] == Lam) i = 1; // وللكاظمي: و + لل
        if ((s[i] == Beh || s[i] == Kaf) && HasArticleAt(s, i + 1, len)) i++;
        if (HasArticleAt(s, i, len)) return i + 2;
        if (s[i] == Lam && i + 1 < len && s[i + 1] == Lam && len - (i + 2) >= 2) return i + 2; // لل contraction
        if (i > 0 || !stripProclitic) return i;
        // No article: a lone proclitic, guarded so that root letters survive.
        char c = s[0];
        if ((c == Waw || c == Feh) && len - 1 >= 4) return 1;
        if ((c == Beh || c == Lam || c == Kaf) && len - 1 >= 3 && !(c == Lam && s[1] == Alef)) return 1;
        if (c == Seen && len - 1 >= 4 && (s[1] == Yeh || s[1] == Teh || s[1] == Noon)) return 1; // future سيـ/ستـ/سنـ
        return 0;
    }

    private static bool HasArticleAt(char[] s, int at, int len) => at + 1 < len && s[at] == Alef && s[at + 1] == Lam && len - (at + 2) >= 2;

    // ه (his) is not listed: after normalization it is also teh marbuta, removed below in either case; the nisba ي is kept.
    private static readonly string[] PronounSuffixes = ["هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها"];
    private static readonly string[] PluralSuffixes = ["ات", "ون", "ين", "ان"];

    private static int StripSuffixes(char[] s, int start, int end)
    {
        int n = end - start;
        if (n < 3) return end;
        bool pronoun = false;
        foreach (var suf in PronounSuffixes)
        {
            if (n - suf.Length < 3 || !EndsWith(s, end, suf)) continue;
            if (suf == "نا" && s[end - 3] == Alef) break; // ـانًا is tanween after ان (سكانًا, مكانًا), not "our"
            end -= suf.Length; n -= suf.Length; pronoun = true;
            break;
        }
        // tanween alef (هجوماً → هجوما after normalization); short words ending in alef (كندا) stay whole
        if (!pronoun && n >= 5 && s[end - 1] == Alef && s[end - 2] != Alef && s[end - 2] != Yeh && s[end - 2] != Waw) { end--; n--; }
        if (pronoun && s[end - 1] == Teh && n >= 4) { end--; n--; } // عاصمتها → عاصم(ة)
        if (!pronoun)
        {
            foreach (var suf in PluralSuffixes)
            {
                if (EndsWith(s, end, suf) && PluralStemIsLongEnough(s, end - suf.Length, n - suf.Length, suf) && !IsStanEnding(s, end, suf))
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
    private static bool PluralStemIsLongEnough(char[] s, int stemEnd, int stemLength, string suffix) => suffix switch
    {
        "ات" => stemLength >= 3,
        "ان" => stemLength >= 5,
        _ => stemLength >= 5 || (stemLength == 4 && s[stemEnd - 1] == Yeh),
    };

    // -stan country names (افغانستان, باكستان) end in ان without being duals.
    private static bool IsStanEnding(char[] s, int end, string suffix) =>
        suffix == "ان" && end >= 4 && s[end - 3] == Teh && s[end - 4] == Seen;

    private static bool EndsWith(char[] s, int end, string suffix)
    {
        int k = suffix.Length;
        for (int j = 0; j < k; j++) if (s[end - k + j] != suffix[j]) return false;
        return true;
    }
}
