using ArabicSearch.Analysis;

namespace ArabicSearch.Indexing;

/// <summary>The shape of <see cref="FieldNames.Completion"/> terms: <c>normalized + U+0001 + written</c>.</summary>
internal static class CompletionTerms
{
    /// <summary>Between the normalized words and the words as written; sorts before every letter, so a word's entries come before longer words.</summary>
    public const char Separator = '\u0001';

    /// <summary>Whether a normalized headline word is worth completing: two letters or more, not a stopword, not a number.</summary>
    public static bool IsCompletable(string normalized) =>
        normalized.Length >= 2 && !ArabicStopwords.Contains(normalized) && !normalized.All(char.IsAsciiDigit);

    /// <summary>Splits a term into its normalized key and its written form; a term without a separator is both.</summary>
    public static (string Key, string Written) Split(string term)
    {
        int sep = term.IndexOf(Separator, StringComparison.Ordinal);
        return sep < 0 ? (term, term) : (term[..sep], term[(sep + 1)..]);
    }
}
