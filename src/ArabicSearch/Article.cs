namespace ArabicSearch;

/// <summary>A news article to index. Immutable.</summary>
/// <param name="Id">The article's unique id; adding an article with an existing id replaces it.</param>
/// <param name="Body">The article's text.</param>
public sealed record Article(string Id, string Body)
{
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
