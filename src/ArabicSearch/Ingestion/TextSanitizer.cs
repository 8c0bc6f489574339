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

    /// <summary>
    /// Shows control characters as escapes, so that text copied from input into a one-line message can neither break
    /// the line nor drive a terminal: <c>\n</c>, <c>\r</c>, <c>\t</c>, and <c>\u001b</c> and so on for the other C0
    /// and C1 controls, DEL, the line and paragraph separators and the bidirectional overrides and isolates. Other
    /// text is returned unchanged (the same instance when nothing needs escaping).
    /// </summary>
    public static string EscapeControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = 0;
        while (first < text.Length && !NeedsEscape(text[first])) first++;
        if (first == text.Length) return text;
        var sb = new System.Text.StringBuilder(text.Length + 8).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!NeedsEscape(c)) { sb.Append(c); continue; }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => $"\\u{(int)c:x4}",
            });
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is '\u2028' or '\u2029' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';
}
