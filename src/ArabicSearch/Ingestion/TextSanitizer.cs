namespace ArabicSearch.Ingestion;

/// <summary>Makes input text safe to index: well-formed UTF-16, so it round-trips through Lucene's UTF-8 terms.</summary>
internal static class TextSanitizer
{
    /// <summary>The character that replaces what cannot be stored: U+FFFD REPLACEMENT CHARACTER.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// Replaces every lone (unpaired) surrogate with U+FFFD, as a UTF-8 decoder does with invalid bytes; well-formed
    /// text is returned unchanged (the same instance).
    /// </summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int bad = FirstLoneSurrogate(text);
        if (bad < 0) return text;
        var chars = text.ToCharArray();
        for (int i = bad; i < chars.Length; i++)
        {
            char c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(c)) chars[i] = Replacement;
        }
        return new string(chars);
    }

    /// <summary>The index of the first lone surrogate in <paramref name="text"/>, or -1.</summary>
    public static int FirstLoneSurrogate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return i;
        }
        return -1;
    }
}
