namespace ArabicSearch.Server;

/// <summary>
/// The words the hosts accept for a search's sort and syntax, one list for <c>arabicsearch search --sort/--syntax</c>
/// and for <c>sort=</c>/<c>syntax=</c> in the server's URLs.
/// </summary>
public static class SearchWords
{
    /// <summary>The sort words: relevance, recent (relevance with a recency decay), newest or date, oldest.</summary>
    public static IReadOnlyList<string> Sorts { get; } = ["relevance", "recent", "newest", "date", "oldest"];

    /// <summary>The syntax words: text (a search box's), plain, lucene.</summary>
    public static IReadOnlyList<string> Syntaxes { get; } = ["text", "plain", "lucene"];

    /// <summary>The sort a word of <see cref="Sorts"/> names, in any letter case; anything else is relevance.</summary>
    public static SearchSort Sort(string? word) => word?.ToLowerInvariant() switch
    {
        "newest" or "date" => SearchSort.Newest,
        "oldest" => SearchSort.Oldest,
        "recent" => SearchSort.RelevanceWithRecency,
        _ => SearchSort.Relevance,
    };

    /// <summary>The syntax a word of <see cref="Syntaxes"/> names, in any letter case; anything else is the search box's.</summary>
    public static QuerySyntax Syntax(string? word) => word?.ToLowerInvariant() switch
    {
        "plain" => QuerySyntax.Plain,
        "lucene" => QuerySyntax.Lucene,
        _ => QuerySyntax.Text,
    };
}
