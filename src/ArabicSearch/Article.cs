namespace ArabicSearch;

/// <summary>A news article to index. Immutable.</summary>
/// <param name="Id">The article's unique id, not empty or blank; adding an article with an existing id replaces it.</param>
/// <param name="Body">The article's text (may be empty), at most <see cref="MaxBodyChars"/> characters.</param>
/// <remarks><see cref="ArabicSearchEngine.AddOrUpdate(Article)"/> checks these bounds and throws <see cref="ArgumentException"/> when one is broken.</remarks>
public sealed record Article(string Id, string Body)
{
    /// <summary>
    /// The most characters a body may have: 1,000,000 (about 2 MB of Arabic UTF-8, some 50 times the longest article
    /// of the ANT corpora). A longer "article" is a dump or an attack, and every search that matches it pays for
    /// highlighting it, so <see cref="ArabicSearchEngine.AddOrUpdate(Article)"/> refuses it, and the file readers
    /// (<see cref="Ingestion.ArticleFiles"/>) report and skip it.
    /// </summary>
    public const int MaxBodyChars = 1_000_000;

    /// <summary>The headline; may be empty.</summary>
    public string Title { get; init; } = "";

    /// <summary>The outlet that published it; may be empty.</summary>
    public string Source { get; init; } = "";

    /// <summary>Where it was published; may be empty.</summary>
    public string Url { get; init; } = "";

    /// <summary>The publication date, when known.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The outlet's section, e.g. <c>sport</c> (TREC <c>CAT</c>); may be empty. Filterable, exact match.</summary>
    public string Category { get; init; } = "";

    /// <summary>The byline (TREC <c>AUTHOR</c>); may be empty. Stored only.</summary>
    public string Author { get; init; } = "";
}
