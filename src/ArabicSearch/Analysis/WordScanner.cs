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

    /// <summary>The output space <see cref="Next"/> needs: a ligature can expand past <see cref="MaxWordLength"/>.</summary>
    public const int OutputLength = MaxWordLength + 8;

    /// <summary>
    /// Reads the next word of <paramref name="text"/> from <paramref name="position"/> into <paramref name="output"/>
    /// (at least <see cref="OutputLength"/> long). Returns false when no word is left.
    /// <paramref name="start"/> and <paramref name="end"/> locate the written word, marks included, in <paramref name="text"/>.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> text, ref int position, Span<char> output, out int length, out int start, out int end)
    {
        length = 0;
        start = -1;
        end = -1;
        int p = position;
        while (p < text.Length)
        {
            char c = text[p];
            char f = ArabicNormalizer.Fold(c);
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
                continue;
            }
            if (length >= MaxWordLength) break; // this character starts the next word
            if (length == 0 && start < 0) start = p;
            if (f == ArabicNormalizer.Expands)
            {
                foreach (char e in ArabicNormalizer.Expansion(c))
                    if (length < output.Length) output[length++] = e;
            }
            else
            {
                output[length++] = f;
            }
            p++;
            end = p;
        }
        position = p;
        return length > 0;
    }
}
