using System.Text;

namespace ArabicSearch.Querying;

/// <summary>
/// What a search box's text asks for (<see cref="QuerySyntax.Text"/>): free words, quoted phrases, and words or
/// phrases to exclude. Each part is raw text; the analyzer decides what a word is, so punctuation is never syntax here.
/// </summary>
/// <param name="Words">The free words, joined by spaces (may hold punctuation; the analyzer drops it).</param>
/// <param name="Phrases">Quoted phrases that must occur.</param>
/// <param name="Excluded">Words and phrases (a phrase when <c>IsPhrase</c>) that must not occur.</param>
internal sealed record SearchBoxQuery(string Words, IReadOnlyList<string> Phrases, IReadOnlyList<(string Text, bool IsPhrase)> Excluded);

/// <summary>
/// Reads search-box text in the manner of Elasticsearch's <c>simple_query_string</c>, and never fails:
/// <list type="bullet">
/// <item><c>"…"</c> is a phrase; a quote without its closing quote is dropped and the rest read as words;</item>
/// <item><c>-</c> at the start of a word (after a space or at the start) excludes that word or quoted phrase;</item>
/// <item><c>OR</c>, <c>AND</c>, <c>NOT</c>, <c>||</c> and <c>&amp;&amp;</c> as whole words are dropped (any word may
/// match anyway, and more matching words rank higher);</item>
/// <item>everything else, brackets, colons and headline punctuation included, is text.</item>
/// </list>
/// </summary>
internal static class SearchBoxSyntax
{
    public static SearchBoxQuery Parse(string text)
    {
        var words = new StringBuilder(text.Length);
        var phrases = new List<string>();
        var excluded = new List<(string, bool)>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            bool negate = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] != '-')
            {
                negate = true;
                i++;
            }
            if (text[i] == '"')
            {
                int close = text.IndexOf('"', i + 1);
                if (close > i)
                {
                    string phrase = text[(i + 1)..close];
                    if (negate) excluded.Add((phrase, true));
                    else phrases.Add(phrase);
                    i = close + 1;
                    continue;
                }
                i++; // an unbalanced quote is no syntax: what follows is read as words
                if (!negate) continue;
            }
            int end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"') end++;
            string chunk = text[i..end];
            i = end;
            if (chunk is "OR" or "AND" or "NOT" or "||" or "&&") continue;
            if (negate) excluded.Add((chunk, false));
            else words.Append(chunk).Append(' ');
        }
        return new SearchBoxQuery(words.ToString().TrimEnd(), phrases, excluded);
    }
}
