namespace ArabicSearch.Analysis;

/// <summary>A normalized word of a text and its offsets into the original text.</summary>
internal readonly record struct TextWord(string Text, int Start, int End);

/// <summary>Splits text into normalized words with <see cref="WordScanner"/>, as the tokenizer does, keeping stopwords and offsets.</summary>
internal static class TextWords
{
    public static List<TextWord> Split(string text)
    {
        var list = new List<TextWord>();
        Span<char> word = stackalloc char[WordScanner.OutputLength];
        int position = 0;
        while (WordScanner.Next(text, ref position, word, out int length, out int start, out int end))
            list.Add(new TextWord(new string(word[..length]), start, end));
        return list;
    }
}
