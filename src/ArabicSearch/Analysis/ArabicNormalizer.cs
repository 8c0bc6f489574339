using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ArabicSearch.Analysis;

/// <summary>
/// Character-level Arabic normalization as a pure algorithm over a <c>char[]</c> buffer, in the manner of
/// Lucene's <c>ArabicNormalizer</c>, with a wider reach:
/// <list type="bullet">
/// <item>all harakat, tanween, Quranic marks and any other non-spacing mark are removed;</item>
/// <item>the superscript (dagger) alef of Uthmani spelling is read as the modern spelling writes it
/// (<see cref="ReadDaggerAlef"/>): <c>ٱلْعَٰلَمِينَ</c> → العالمين, <c>ٱلصَّلَوٰةَ</c> → الصلاة, <c>مُوسَىٰ</c> → موسي,
/// <c>ذَٰلِكَ</c> → ذلك;</item>
/// <item>tatweel, zero-width and bidi control characters (Unicode category Cf) are removed;</item>
/// <item>alef with hamza above or below, alef madda, alef wasla and the rarer alef forms become bare alef ا;</item>
/// <item>alef maqsura ى and Persian yeh ی become yeh ي; teh marbuta ة becomes heh ه (as Lucene does);</item>
/// <item>hamza on waw ؤ and on yeh ئ become the bare hamza ء, so مسؤول and مسئول meet (deviation: Lucene keeps them);</item>
/// <item>Persian and Urdu keheh ک and swash kaf ڪ become kaf ك; heh goal and ae become heh;</item>
/// <item>Arabic-Indic, extended (Persian) and other decimal digits become ASCII digits;</item>
/// <item>presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are expanded to their letters (compatibility decomposition);</item>
/// <item>letters are lower-cased.</item>
/// </list>
/// </summary>
/// <remarks>The tables are built once and are read-only afterwards, so every member is thread-safe.</remarks>
public static class ArabicNormalizer
{
    /// <summary>Table value of a character that ends a token.</summary>
    internal const char Separator = '\uFFFF';

    /// <summary>Table value of a character that is dropped inside a token (marks, tatweel, format controls).</summary>
    internal const char Ignorable = '\0';

    /// <summary>Table value of a character that folds to more than one character (see <see cref="Expansion"/>).</summary>
    internal const char Expands = '\uFFFE';

    /// <summary>
    /// Table value of a ligature of several words (<c>ﷺ</c>, <c>ﷻ</c>, <c>﷽</c>), which <see cref="WordScanner"/> reads as
    /// those words (see <see cref="ExpansionWords"/>); in one token (<see cref="Normalize(char[], int)"/>) they are glued.
    /// </summary>
    internal const char ExpandsToWords = '\uFFFD';

    private static readonly char[] Table = BuildTable(out ExpansionsByChar, out WordsByChar);
    private static readonly Dictionary<char, string> ExpansionsByChar;
    private static readonly Dictionary<char, string[]> WordsByChar;

    /// <summary>The folded words of a character whose <see cref="Fold"/> is <see cref="ExpandsToWords"/>.</summary>
    internal static string[] ExpansionWords(char c) => WordsByChar[c];

    /// <summary>What <paramref name="c"/> folds to: a character, <see cref="Separator"/>, <see cref="Ignorable"/> or <see cref="Expands"/>.</summary>
    /// <remarks>Read without a bounds check: the table has an entry for every char (this runs once per character of every text).</remarks>
    internal static char Fold(char c) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Table), c);

    /// <summary>The folded letters of a character whose <see cref="Fold"/> is <see cref="Expands"/>.</summary>
    internal static string Expansion(char c) => ExpansionsByChar[c];

    /// <summary>
    /// Normalizes the first <paramref name="len"/> characters of <paramref name="s"/> in place and returns the new length.
    /// Characters that would end a token are dropped too, so the result is the normalized token text.
    /// A presentation-form ligature can grow the text; when it does not fit, the expansion is truncated.
    /// </summary>
    public static int Normalize(char[] s, int len)
    {
        ArgumentNullException.ThrowIfNull(s);
        int w = 0;
        char lastWritten = '\0'; // the letter as written behind s[w - 1]
        for (int r = 0; r < len; r++)
        {
            char f = Table[s[r]];
            if (f == Ignorable && w > 0 && r > 0 && ComposesToHamza(s[r - 1], s[r])) { s[w - 1] = Hamza; continue; }
            if (s[r] == DaggerAlef)
            {
                var read = ReadDaggerAlef(s.AsSpan(0, w), lastWritten, s.AsSpan(r + 1, len - r - 1));
                if (read == DaggerReading.ReplacesLast) s[w - 1] = '\u0627';
                else if (read == DaggerReading.Alef && w < r + 1) s[w++] = '\u0627'; // w ≤ r: the alef takes the mark's place
                continue;
            }
            if (f == Ignorable || f == Separator) continue;
            if (f is Expands or ExpandsToWords)
            {
                // Rare path: a ligature may be longer than what it replaces, so work on a copy of the rest.
                var rest = new string(s, r + 1, len - r - 1);
                var expansion = ExpansionsByChar[s[r]];
                foreach (char e in expansion) if (w < s.Length) s[w++] = e;
                foreach (char c in rest)
                {
                    char g = Table[c];
                    if (g == Ignorable || g == Separator) continue;
                    if (g is Expands or ExpandsToWords) { foreach (char e in ExpansionsByChar[c]) if (w < s.Length) s[w++] = e; }
                    else if (w < s.Length) s[w++] = g;
                }
                return w;
            }
            lastWritten = s[r];
            s[w++] = f;
        }
        return w;
    }

    /// <summary>Normalizes a whole string as one token: <c>Normalize("الكاظمى")</c> is <c>"الكاظمي"</c>.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        int wordStart = 0; // where the current word starts in sb
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char f = Table[c];
            if (f == Ignorable && sb.Length > 0 && i > 0 && ComposesToHamza(text[i - 1], c)) { sb[^1] = Hamza; continue; }
            if (c == DaggerAlef)
            {
                var soFar = sb.ToString(wordStart, sb.Length - wordStart);
                var read = ReadDaggerAlef(soFar, LastLetter(text.AsSpan(0, i)), text.AsSpan(i + 1));
                if (read == DaggerReading.ReplacesLast) sb[^1] = '\u0627';
                else if (read == DaggerReading.Alef) sb.Append('\u0627');
                continue;
            }
            if (f == Separator) wordStart = sb.Length + 1;
            if (f == Ignorable) continue;
            if (f == Separator) { sb.Append(' '); continue; }
            if (f == Expands) sb.Append(ExpansionsByChar[c]);
            else if (f == ExpandsToWords) sb.Append(string.Join(' ', WordsByChar[c]));
            else sb.Append(f);
        }
        return sb.ToString();
    }

    private const char Hamza = '\u0621';

    /// <summary>
    /// True when <paramref name="mark"/> after <paramref name="letter"/> is the decomposed (NFD) spelling of a letter that
    /// folds to the bare hamza: و + U+0654 is ؤ, ي + U+0654 is ئ, ے + U+0654 is ۓ. Hamza or madda on alef needs no
    /// composing, since every alef folds to ا; nor does ە/ہ + U+0654, which fold to ه either way.
    /// </summary>
    /// <remarks>
    /// Deviation from a full NFC pass (ICU4N): these three are the only canonical compositions whose folded form
    /// differs from the folded base letter, so a three-entry check while folding gives the same terms with no
    /// extra pass, no copy of the text and no ICU data (see ArabicSearchAnalyzerTests.Exact_view_composes_decomposed_hamza).
    /// </remarks>
    internal static bool ComposesToHamza(char letter, char mark) => mark == '\u0654' && letter is '\u0648' or '\u064A' or '\u06D2';

    /// <summary>U+0670, the superscript (dagger) alef of Uthmani spelling: a long ā the letters do not write.</summary>
    internal const char DaggerAlef = '\u0670';

    /// <summary>What a dagger alef becomes in modern spelling (<see cref="ReadDaggerAlef"/>).</summary>
    internal enum DaggerReading
    {
        /// <summary>Nothing: modern spelling does not write it either (<c>ذَٰلِكَ</c> ذلك, <c>مُوسَىٰ</c> موسى).</summary>
        Dropped,
        /// <summary>An alef after the letter it stands on (<c>ٱلْعَٰلَمِينَ</c> العالمين, <c>ٱلْكِتَٰبُ</c> الكتاب).</summary>
        Alef,
        /// <summary>An alef in place of the letter it stands on (<c>ٱلصَّلَوٰةَ</c> الصلاة, <c>أَتَىٰنَا</c> أتانا).</summary>
        ReplacesLast,
    }

    /// <summary>
    /// How to read a dagger alef met inside a word, so that the Qur'an's Uthmani spelling meets the modern spelling
    /// people type. Dropping it (as Lucene does) loses the alef modern spelling writes in most words
    /// (<c>ٱلسَّمَٰوَٰتِ</c> would be سموت, not السماوات; <c>ٱلصَّلَوٰةَ</c> صلوه, not الصلاة). The rules, in order:
    /// after alef maqsura ى it is dropped at the end of a word (<c>عَلَىٰ</c>) and replaces the ى inside one
    /// (<c>أَتَىٰنَا</c> → أتانا); on a و before ة it replaces the و (<c>ٱلزَّكَوٰةَ</c> → الزكاة); in the few words
    /// whose modern spelling leaves the ā unwritten (demonstratives هذا ذلك هؤلاء أولئك, لكن, الرحمن, إله, الله, طه)
    /// it is dropped; anywhere else it is an alef.
    /// </summary>
    /// <param name="soFar">The folded letters of the word before the mark.</param>
    /// <param name="last">The letter, as written, behind the last of <paramref name="soFar"/> ('\0' when none).</param>
    /// <param name="rest">The written text after the mark; the word's remaining letters are read from it.</param>
    internal static DaggerReading ReadDaggerAlef(ReadOnlySpan<char> soFar, char last, ReadOnlySpan<char> rest)
    {
        if (soFar.IsEmpty) return DaggerReading.Dropped;
        Span<char> word = stackalloc char[64];
        int n = 0, restLetters = 0;
        foreach (char c in soFar) if (n < word.Length) word[n++] = c;
        char next = '\0';
        foreach (char c in rest)
        {
            char f = Table[c];
            if (f == Separator || f == ExpandsToWords) break;
            if (f is Ignorable or Expands) continue;
            if (restLetters++ == 0) next = c;
            if (n < word.Length) word[n++] = f;
        }
        if (last == '\u0649') return restLetters == 0 ? DaggerReading.Dropped : DaggerReading.ReplacesLast;
        if (last == '\u0648' && next == '\u0629') return DaggerReading.ReplacesLast;
        return IsUnwrittenAlefWord(word[..n]) ? DaggerReading.Dropped : DaggerReading.Alef;
    }

    /// <summary>The written letter before <paramref name="text"/>'s end, marks skipped ('\0' when none).</summary>
    internal static char LastLetter(ReadOnlySpan<char> text)
    {
        for (int i = text.Length - 1; i >= 0; i--)
        {
            char f = Table[text[i]];
            if (f == Separator) return '\0';
            if (f != Ignorable) return text[i];
        }
        return '\0';
    }

    // Folded, with the dagger alef left out, after an optional و/ف and an optional ب/ل/ك: the words modern spelling
    // writes without the alef the dagger stands for. Prefixes, so that suffixes follow (ذلكم, لكنهم, الهكم).
    private static readonly string[] UnwrittenAlefPrefixes = ["هذا", "هذه", "هذان", "هذين", "هءلاء", "هكذا", "ذلك", "لكن", "الرحمن", "رحمن", "اله", "الاله", "اولءك", "الله", "لله"];

    private static bool IsUnwrittenAlefWord(ReadOnlySpan<char> word)
    {
        for (int skip = 0; skip <= 2 && skip < word.Length; skip++)
        {
            var w = word[skip..];
            if (w.SequenceEqual("طه")) return true;
            foreach (var p in UnwrittenAlefPrefixes) if (w.StartsWith(p)) return true;
            if (skip == 0 && word[0] is not ('\u0648' or '\u0641' or '\u0628' or '\u0644' or '\u0643')) break;
            if (skip == 1 && word.Length > 1 && word[1] is not ('\u0628' or '\u0644' or '\u0643')) break;
        }
        return false;
    }

    private static char[] BuildTable(out Dictionary<char, string> expansions, out Dictionary<char, string[]> wordExpansions)
    {
        var table = new char[char.MaxValue + 1];
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            table[i] = Classify(c);
        }

        // Alef variants: hamza above/below, madda, wasla, wavy hamza forms.
        foreach (char c in "\u0623\u0625\u0622\u0671\u0672\u0673\u0675") table[c] = '\u0627';
        // Yeh forms: alef maqsura, Farsi yeh, yeh barree.
        foreach (char c in "\u0649\u06CC\u06D2\u06D0") table[c] = '\u064A';
        // Hamza seats: waw and yeh with hamza become bare hamza (deviation from Lucene, which keeps them).
        foreach (char c in "\u0624\u0626\u0678") table[c] = '\u0621';
        table['\u0629'] = '\u0647'; // teh marbuta → heh, as Lucene does
        foreach (char c in "\u06A9\u06AA\u06AB\u06AF") table[c] = '\u0643'; // keheh, swash kaf, gaf → kaf
        table['\u067E'] = '\u0628'; // peh → beh (پاراسيتامول / باراسيتامول)
        table['\u06A4'] = '\u0641'; // veh → feh (ڤيروس / فيروس)
        table['\u0686'] = '\u062C'; // tcheh → jeem
        table['\u0698'] = '\u0632'; // jeh → zain
        foreach (char c in "\u06C1\u06C2\u06D5\u06BE\u06C0\u06C3") table[c] = '\u0647'; // heh goal (with hamza), ae, heh doachashmee, heh with yeh above, teh marbuta goal → heh
        table['\u06D3'] = '\u0621'; // yeh barree with hamza folds like yeh with hamza ئ
        table['\u06E5'] = Ignorable; // Quranic small waw and small yeh (category Lm) are marks of the Uthmani spelling, not letters
        table['\u06E6'] = Ignorable;
        table['\u0640'] = Ignorable; // tatweel
        table['\u0670'] = Ignorable; // superscript alef
        // Digits: Arabic-Indic and extended (Persian) digits, and every other decimal digit.
        for (int i = 0; i <= char.MaxValue; i++)
        {
            if (char.GetUnicodeCategory((char)i) == UnicodeCategory.DecimalDigitNumber)
            {
                int v = (int)char.GetNumericValue((char)i);
                if (v is >= 0 and <= 9) table[i] = (char)('0' + v);
            }
        }

        // Presentation forms: compatibility decomposition, then the same folding on each resulting letter.
        // A ligature of several words (ﷺ) keeps them apart. ﷽ has no compatibility decomposition; it is added here.
        expansions = new Dictionary<char, string>();
        wordExpansions = new Dictionary<char, string[]>();
        var forms = PresentationForms.Decompositions.ToList();
        forms.Add(new('\uFDFD', "\u0628\u0633\u0645 \u0627\u0644\u0644\u0647 \u0627\u0644\u0631\u062D\u0645\u0646 \u0627\u0644\u0631\u062D\u064A\u0645"));
        foreach (var (c, decomposed) in forms)
        {
            var folded = new StringBuilder();
            var words = new List<string>();
            foreach (char d in decomposed)
            {
                char f = table[d];
                if (f == Separator && folded.Length > 0) { words.Add(folded.ToString()); folded.Clear(); }
                if (f is Ignorable or Separator or Expands) continue;
                folded.Append(f);
            }
            if (words.Count > 0 && folded.Length > 0)
            {
                words.Add(folded.ToString());
                table[c] = ExpandsToWords;
                wordExpansions[c] = [.. words];
                expansions[c] = string.Concat(words);
            }
            else if (words.Count > 0) { folded.Append(words[0]); words.Clear(); }
            if (words.Count > 0) continue;
            if (folded.Length == 0) table[c] = Ignorable;
            else if (folded.Length == 1) table[c] = folded[0];
            else { table[c] = Expands; expansions[c] = folded.ToString(); }
        }
        table['\uFEFF'] = Ignorable; // byte order mark / zero-width no-break space
        return table;
    }

    private static char Classify(char c)
    {
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
                return char.ToLowerInvariant(c);
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
                return c;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return Ignorable;
            default:
                return Separator;
        }
    }
}
