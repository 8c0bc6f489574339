using ArabicSearch.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArabicSearch.Indexing;

/// <summary>
/// The shape of <see cref="FieldNames.Completion"/> terms, <c>normalized + U+0001 + written</c>, which
/// <see cref="FieldNames.EntityName"/> terms share (<c>entity id + U+0001 + written</c>).
/// </summary>
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

    /// <summary>
    /// The written form of <paramref name="key"/> that the most articles have among the terms <c>key + U+0001 +
    /// written</c> of <paramref name="field"/>, or null when there is none. One seek in the term dictionary.
    /// </summary>
    public static string? MostFrequentWritten(IndexReader reader, string field, string key)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) return null;
        var start = new BytesRef(key + Separator);
        var e = terms.GetEnumerator();
        if (e.SeekCeil(start) == TermsEnum.SeekStatus.END) return null;
        string? written = null;
        int most = 0;
        do
        {
            if (!StringHelper.StartsWith(e.Term, start)) break;
            if (e.DocFreq > most) (written, most) = (Split(e.Term.Utf8ToString()).Written, e.DocFreq);
        } while (e.MoveNext());
        return written;
    }
}
