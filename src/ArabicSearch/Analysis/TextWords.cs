namespace ArabicSearch.Analysis;

/// <summary>A normalized word of a text, its offsets into the original text and its hamza mask (see <see cref="WordScanner"/>).</summary>
internal readonly record struct TextWord(string Text, int Start, int End, uint HamzaMask = 0);

/// <summary>Splits text into normalized words with <see cref="WordScanner"/>, as the tokenizer does, keeping stopwords and offsets.</summary>
internal static class TextWords
{
    public static List<TextWord> Split(string text)
    {
        // About one word per six characters in news text: sized once rather than grown by doubling (this runs per
        // entity-mark window of every hit, and per text indexed).
        var list = new List<TextWord>(Math.Min(text.Length / 6 + 4, 1 << 16));
        Span<char> word = stackalloc char[WordScanner.OutputLength];
        int position = 0;
        while (WordScanner.Next(text, ref position, word, out int length, out int start, out int end, out uint hamzaMask))
            list.Add(new TextWord(new string(word[..length]), start, end, hamzaMask));
        return list;
    }
}
