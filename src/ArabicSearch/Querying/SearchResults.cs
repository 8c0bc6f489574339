using ArabicSearch.Entities;

namespace ArabicSearch;

/// <summary>A span of the original text: <see cref="Start"/> and <see cref="Length"/> in UTF-16 code units.</summary>
public readonly record struct TextSpan(int Start, int Length);

/// <summary>One hit.</summary>
public sealed record SearchHit
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }
    /// <summary>The ranking score (0 when only filters matched).</summary>
    public required float Score { get; init; }
    /// <summary>The headline, possibly empty.</summary>
    public required string Title { get; init; }
    /// <summary>
    /// The matched words of <see cref="Title"/>, as offsets into it (UTF-16 code units), in order and not overlapping:
    /// a headline match is marked like a body match (<see cref="Highlights"/>), so a hit that matched only in its
    /// headline still shows why. Empty when the headline matched nothing (or for a query of filters only).
    /// </summary>
    public IReadOnlyList<TextSpan> TitleHighlights { get; init; } = [];
    /// <summary>The source, possibly empty.</summary>
    public required string Source { get; init; }
    /// <summary>The url, possibly empty.</summary>
    public required string Url { get; init; }
    /// <summary>The publication date, when known.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>The category, possibly empty.</summary>
    public string Category { get; init; } = "";
    /// <summary>
    /// A passage of the body as HTML: the text escaped (<c>&lt;</c> <c>&amp;</c> <c>"</c> …) and matched words wrapped in
    /// <c>&lt;mark&gt;…&lt;/mark&gt;</c>. The same passage as plain text is <see cref="SnippetText"/>. The passage, about
    /// 280 characters cut at word boundaries (the whole body when shorter), is the one that shows the most distinct query
    /// words (a word and its variants count once; a phrase or an entity name is one), then the most matches.
    /// </summary>
    public required string Snippet { get; init; }
    /// <summary>The passage of <see cref="Snippet"/> as plain text, not escaped: an ellipsis where it was cut, bidi isolates balanced.</summary>
    public string SnippetText { get; init; } = "";
    /// <summary>The matched words of <see cref="SnippetText"/>, as offsets into it, in order and not overlapping.</summary>
    public IReadOnlyList<TextSpan> SnippetHighlights { get; init; } = [];
    /// <summary>The matched words of the body, as offsets into the original body text.</summary>
    public required IReadOnlyList<TextSpan> Highlights { get; init; }
    /// <summary>The entities the article names.</summary>
    public required IReadOnlyList<Entity> Entities { get; init; }
    /// <summary>With <see cref="SearchRequest.CollapseDuplicates"/>: the other matches that are near-duplicates of this one, best first.</summary>
    public IReadOnlyList<string> SimilarIds { get; init; } = [];
    /// <summary>How many near-duplicates were collapsed into this hit ("+N similar").</summary>
    public int SimilarCount => SimilarIds.Count;
}

/// <summary>One facet value and how many matches have it.</summary>
public sealed record FacetCount(string Value, string Label, int Count);

/// <summary>Facet counts over all matches of a search.</summary>
public sealed record SearchFacets
{
    /// <summary>Top entities by type (PER, LOC, ORG).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Entities { get; init; }
    /// <summary>Top sources.</summary>
    public required IReadOnlyList<FacetCount> Sources { get; init; }
    /// <summary>Publication months (yyyy-MM), newest first.</summary>
    public required IReadOnlyList<FacetCount> Months { get; init; }
    /// <summary>Top categories.</summary>
    public IReadOnlyList<FacetCount> Categories { get; init; } = [];
}

/// <summary>The answer to a <see cref="SearchRequest"/>.</summary>
public sealed record SearchResults
{
    /// <summary>How many articles match in all.</summary>
    public required int Total { get; init; }
    /// <summary>The requested page of hits.</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }
    /// <summary>Facet counts, when asked for.</summary>
    public SearchFacets? Facets { get; init; }
    /// <summary>Notes on how the request was read, e.g. an unknown entity searched as a phrase.</summary>
    public required IReadOnlyList<string> Notices { get; init; }
    /// <summary>
    /// The cursor for the next page (pass it as <see cref="SearchRequest.After"/> with the same request), or null on the
    /// last page and when duplicates are collapsed. Opaque (base64url ASCII); it records the query it belongs to, so
    /// passed with another query it is refused.
    /// </summary>
    public string? NextCursor { get; init; }
    /// <summary>"Did you mean": corrections of the query's words, when it found few or no hits or a word occurs in no article; otherwise null.</summary>
    public SearchSuggestions? Suggestions { get; init; }
}

/// <summary>Corrections for one word of a query, or for one unknown entity name.</summary>
/// <param name="Word">The word or entity name as the request gave it.</param>
/// <param name="Suggestions">Corrections, best first: index words (nearest edit distance over normalized forms, then most articles) or entity aliases.</param>
/// <param name="IsEntity">Whether <paramref name="Word"/> is an entity name of <see cref="SearchRequest.Entities"/>.</param>
public sealed record WordSuggestion(string Word, IReadOnlyList<string> Suggestions, bool IsEntity = false);

/// <summary>"Did you mean" for a search with few or no hits.</summary>
public sealed record SearchSuggestions
{
    /// <summary>The free text with each corrected word replaced by its best correction; null when no word of the text has one.</summary>
    public string? CorrectedText { get; init; }
    /// <summary>Per word (and per unknown entity name), in request order: only those with at least one correction.</summary>
    public required IReadOnlyList<WordSuggestion> Words { get; init; }
}
