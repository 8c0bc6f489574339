namespace ArabicSearch.Analysis;

/// <summary>
/// The one word-splitting loop of ArabicSearch, as a pure algorithm over characters: a word is a run of letters,
/// digits and marks; marks, tatweel and format controls inside it are dropped and every character is folded by
/// <see cref="ArabicNormalizer"/>. <see cref="ArabicTokenizer"/>, the entity recognizer, the highlighter and the
/// duplicate fingerprints all read words through it, so they agree on every word and its offsets.
/// </summary>
internal static class WordScanner
{
    /// <summary>The longest word; a longer run is cut and the rest starts the next word.</summary>
    public const int MaxWordLength = 255;

    /// <summary>The output space <see cref="Next(ReadOnlySpan{char}, ref int, Span{char}, out int, out int, out int)"/> needs: a ligature can expand past <see cref="MaxWordLength"/>.</summary>
    public const int OutputLength = MaxWordLength + 8;

    /// <summary>
    /// Reads the next word of <paramref name="text"/> from <paramref name="position"/> into <paramref name="output"/>
    /// (at least <see cref="OutputLength"/> long). Returns false when no word is left.
    /// <paramref name="start"/> and <paramref name="end"/> locate the written word, marks included, in <paramref name="text"/>.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> text, ref int position, Span<char> output, out int length, out int start, out int end) =>
        Next(text, ref position, output, out length, out start, out end, out _);

    /// <summary>
    /// As <see cref="Next(ReadOnlySpan{char}, ref int, Span{char}, out int, out int, out int)"/>, and
    /// <paramref name="hamzaMask"/> has bit k set when the folded letter k (k &lt; 32) is an alef written with hamza or
    /// madda (أ إ آ, composed or not): folding makes it ا, but <c>ال</c> written so is no article (<see cref="ArabicWord"/>).
    /// </summary>
    /// <remarks>
    /// Two spellings are composed while folding: a decomposed hamza above after و ي ے (NFD) becomes the hamza its
    /// composed letter folds to (<see cref="ArabicNormalizer.ComposesToHamza"/>), and the Uthmani <c>ءا</c> at the start
    /// of a word (<c>ءَامِنُوا۟</c>) is read as <c>آ</c>. The superscript (dagger) alef is read as modern spelling writes it
    /// (<see cref="ArabicNormalizer.ReadDaggerAlef"/>).
    /// </remarks>
    public static bool Next(ReadOnlySpan<char> text, ref int position, Span<char> output, out int length, out int start, out int end, out uint hamzaMask)
    {
        length = 0;
        start = -1;
        end = -1;
        hamzaMask = 0;
        char last = '\0'; // the written letter behind output[length - 1]
        int p = position & PositionMask;
        int part = position >>> PartShift;
        if (part > 0) return NextLigatureWord(text, ref position, p, part, output, out length, out start, out end);
        while (p < text.Length)
        {
            char c = text[p];
            char f = ArabicNormalizer.Fold(c);
            if (f == ArabicNormalizer.ExpandsToWords && p <= PositionMask)
            {
                if (length > 0) break; // the ligature's words follow this word
                position = p;
                return NextLigatureWord(text, ref position, p, 0, output, out length, out start, out end);
            }
            if (f == ArabicNormalizer.Separator)
            {
                p++;
                if (length > 0) break;
                start = -1; // marks with no letter are no word
                continue;
            }
            if (f == ArabicNormalizer.Ignorable)
            {
                p++;
                if (length > 0 || start >= 0) end = p;
                if (c == ArabicNormalizer.DaggerAlef && length > 0)
                {
                    // Uthmani spelling's superscript alef, read as modern spelling writes it (ٱلْعَٰلَمِينَ → العالمين).
                    var read = ArabicNormalizer.ReadDaggerAlef(output[..length], last, text[p..]);
                    if (read == ArabicNormalizer.DaggerReading.ReplacesLast) output[length - 1] = Alef;
                    else if (read == ArabicNormalizer.DaggerReading.Alef && length < MaxWordLength) { output[length++] = Alef; last = c; }
                }
                else if (length > 0 && c is >= '\u0653' and <= '\u0655')
                {
                    if (output[length - 1] == Alef) { if (length <= 32) hamzaMask |= 1u << (length - 1); } // ا + U+0653/4/5: آ أ إ
                    else if (ArabicNormalizer.ComposesToHamza(last, c)) output[length - 1] = Hamza;
                }
                continue;
            }
            if (length >= MaxWordLength) break; // this character starts the next word
            if (length == 0 && start < 0) start = p;
            if (f is ArabicNormalizer.Expands or ArabicNormalizer.ExpandsToWords)
            {
                foreach (char e in ArabicNormalizer.Expansion(c))
                    if (length < output.Length) output[length++] = e;
            }
            else if (f == Alef && length == 1 && output[0] == Hamza)
            {
                output[0] = Alef; // Uthmani ءا: آ
                hamzaMask |= 1u;
            }
            else
            {
                if (length < 32 && IsHamzaAlef(c)) hamzaMask |= 1u << length;
                output[length++] = f;
            }
            last = c;
            p++;
            end = p;
        }
        position = p;
        if (length >= 2 && output[0] == Hamza && output[1] == Alef)
        {
            // ءا however it came (a dagger alef or a ligature after the hamza): آ, as the letters ءا are read above,
            // so that a word's folded form reads again as itself.
            output[1..length].CopyTo(output);
            length--;
            hamzaMask = hamzaMask >> 1 | 1u;
        }
        return length > 0;
    }

    // A ligature of several words (ﷺ) gives them one by one, each with the ligature's offsets; between calls the word
    // to give next is kept in the top bits of the position (texts up to 2^28 characters; beyond, the words are glued).
    private const int PartShift = 28;
    private const int PositionMask = (1 << PartShift) - 1;

    private static bool NextLigatureWord(ReadOnlySpan<char> text, ref int position, int p, int part, Span<char> output, out int length, out int start, out int end)
    {
        var words = ArabicNormalizer.ExpansionWords(text[p]);
        var word = words[part];
        length = Math.Min(word.Length, output.Length);
        word.AsSpan(0, length).CopyTo(output);
        start = p;
        end = p + 1;
        position = part + 1 < words.Length ? p | (part + 1) << PartShift : p + 1;
        return true;
    }

    private const char Alef = '\u0627', Hamza = '\u0621';

    /// <summary>Alef with hamza above or below, with madda, or with wavy hamza; not alef wasla, the article's own alef.</summary>
    private static bool IsHamzaAlef(char c) => c is '\u0622' or '\u0623' or '\u0625' or '\u0672' or '\u0673' or '\u0675';
}
