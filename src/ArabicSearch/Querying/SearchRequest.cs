namespace ArabicSearch;

/// <summary>How a phrase is matched.</summary>
public enum PhraseMode
{
    /// <summary>The same words in the same order, normalized but unstemmed.</summary>
    Exact,
    /// <summary>The same stems in order, allowing <see cref="SearchRequest.PhraseSlop"/> words between or out of place.</summary>
    Stemmed,
}

/// <summary>How <see cref="SearchRequest.Text"/> is read.</summary>
public enum QuerySyntax
{
    /// <summary>
    /// What people type into a search box, in the manner of Elasticsearch's <c>simple_query_string</c>: words (any of
    /// them may match, more matches rank higher), <c>"quoted phrases"</c> (each must occur), <c>-word</c> or
    /// <c>-"phrase"</c> (must not occur) and <c>OR</c> (the default anyway). It never fails to parse: unbalanced quotes
    /// or brackets, a trailing <c>AND</c>/<c>OR</c> and headline punctuation (<c>: ! ? « » ، ؛ …</c>) are read as text,
    /// and punctuation around words never changes which articles match or how they rank.
    /// </summary>
    Text,
    /// <summary>Plain words: every character is taken literally, no operators, no phrases.</summary>
    Plain,
    /// <summary>
    /// Lucene's classic query syntax, opt-in: quoted phrases, AND/OR/NOT, +/-, parentheses, wildcards, fuzzy terms,
    /// ranges and <c>title:</c>. Malformed input throws <see cref="InvalidQueryException"/>. Searches the stemmed and
    /// exact views only (the loose view would let a required word or a NOT match spellings the user did not write).
    /// </summary>
    Lucene,
}

/// <summary>Which date a date range applies to.</summary>
public enum DateField
{
    /// <summary>The publication date.</summary>
    Published,
    /// <summary>Any date the text mentions.</summary>
    Mentioned,
}

/// <summary>The order of hits.</summary>
public enum SearchSort
{
    /// <summary>Best match first (BM25 over headline and body).</summary>
    Relevance,
    /// <summary>Newest publication day first, then best match.</summary>
    Newest,
    /// <summary>Oldest publication day first, then best match.</summary>
    Oldest,
    /// <summary>
    /// Best match with a recency decay, for breaking news: the score is multiplied by 0.5^(age / <see cref="SearchRequest.RecencyHalfLifeDays"/>),
    /// the age in days counted from the newest publication day in the index.
    /// </summary>
    RelevanceWithRecency,
}

/// <summary>
/// A search: any combination of free text, a phrase, entities and a date range. All given parts must match.
/// Immutable; validated when searched.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>Free text; its words are ORed and ranked. See <see cref="Syntax"/>.</summary>
    public string? Text { get; init; }

    /// <summary>How <see cref="Text"/> is read. Default <see cref="QuerySyntax.Text"/>, a search box's syntax that never fails.</summary>
    public QuerySyntax Syntax { get; init; } = QuerySyntax.Text;

    /// <summary>A phrase that must occur in the headline or body.</summary>
    public string? Phrase { get; init; }

    /// <summary>How <see cref="Phrase"/> is matched. Default exact.</summary>
    public PhraseMode PhraseMode { get; init; } = PhraseMode.Exact;

    /// <summary>
    /// Words allowed between or out of place in a stemmed phrase (<see cref="PhraseMode"/> <see cref="PhraseMode.Stemmed"/>),
    /// from 0 to 20. Default 0. An exact phrase allows none: a slop above 0 with <see cref="PhraseMode.Exact"/> throws
    /// <see cref="InvalidQueryException"/> when searched.
    /// </summary>
    public int PhraseSlop { get; init; }

    /// <summary>
    /// Entities that must all be named (by any alias, Arabic or Latin, or canonical id); at most 64. Null (as a JSON
    /// <c>null</c> binds) is read as empty; an empty or blank name throws <see cref="InvalidQueryException"/> when searched.
    /// </summary>
    public IReadOnlyList<string> Entities { get => _entities; init => _entities = value ?? []; }

    /// <summary>
    /// Sources an article must have one of (any, when empty or null). Matching ignores case and surrounding spaces
    /// (invariant culture), so <c>bbc</c> finds <c>BBC</c>; articles indexed before the source key field existed
    /// (early development builds) match only the exact spelling until indexed again. An empty or blank name throws
    /// <see cref="InvalidQueryException"/> when searched.
    /// </summary>
    public IReadOnlyList<string> Sources { get => _sources; init => _sources = value ?? []; }

    /// <summary>
    /// Categories (<see cref="Article.Category"/>) an article must have one of (any, when empty or null). Exact,
    /// case-sensitive match. An empty or blank name throws <see cref="InvalidQueryException"/> when searched.
    /// </summary>
    public IReadOnlyList<string> Categories { get => _categories; init => _categories = value ?? []; }

    private readonly IReadOnlyList<string> _entities = [];
    private readonly IReadOnlyList<string> _sources = [];
    private readonly IReadOnlyList<string> _categories = [];

    /// <summary>The first day of the date range, inclusive; null leaves it open.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day of the date range, inclusive; null leaves it open.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Which date <see cref="From"/> and <see cref="To"/> apply to. Default the publication date.</summary>
    public DateField DateField { get; init; } = DateField.Published;

    /// <summary>The order of hits. Default relevance.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>
    /// The half-life of <see cref="SearchSort.RelevanceWithRecency"/>, in days: an article this much older than the
    /// newest one scores half as much. Default 7: a week-old story needs twice the relevance of today's to rank level.
    /// </summary>
    public double RecencyHalfLifeDays { get; init; } = 7;

    /// <summary>
    /// Hits to skip, for paging; zero or more. Default 0. <see cref="Skip"/> + <see cref="Top"/> may be at most
    /// <see cref="ArabicSearchOptions.MaxResultWindow"/> (default 1,000), or the search throws
    /// <see cref="InvalidQueryException"/>; page beyond that with <see cref="After"/>. Must be 0 with <see cref="After"/>.
    /// </summary>
    public int Skip { get; init; }

    /// <summary>
    /// A search-after cursor: the <see cref="SearchResults.NextCursor"/> of the previous page of the same request. The page
    /// then starts right after that page's last hit, so every match can be paged through in a stable order with no
    /// result window (each page's <see cref="Top"/> is still bounded). <see cref="Skip"/> must be 0 and
    /// <see cref="CollapseDuplicates"/> off. Null (the default) starts at the first hit.
    /// </summary>
    /// <remarks>A cursor is valid for the index snapshot it came from: after writes to the index, paging may skip or repeat
    /// hits, and the results carry a notice saying so. It is valid for the query it came from only: it carries a short
    /// hash of what defines the result list (<see cref="Text"/>, <see cref="Syntax"/>, the phrase and its mode and slop,
    /// <see cref="Entities"/>, <see cref="Sources"/>, <see cref="Categories"/>, the date range and <see cref="DateField"/>,
    /// <see cref="Sort"/> and <see cref="RecencyHalfLifeDays"/>, <see cref="LuceneQuery"/>; not <see cref="Top"/> or
    /// <see cref="Facets"/>, which may change from page to page). A malformed cursor, one made for another
    /// <see cref="Sort"/> or for another query throws <see cref="InvalidQueryException"/>, with a one-line message.</remarks>
    public string? After { get; init; }

    /// <summary>
    /// Hits to return; zero or more. Default 10. 0 returns no hits but still counts them
    /// (<see cref="SearchResults.Total"/>) and, with <see cref="Facets"/>, the facets. Without <see cref="After"/>,
    /// <see cref="Skip"/> + <see cref="Top"/> may be at most <see cref="ArabicSearchOptions.MaxResultWindow"/>
    /// (default 1,000); with it, <see cref="Top"/> alone may. Beyond either bound the search throws <see cref="InvalidQueryException"/>.
    /// </summary>
    public int Top { get; init; } = 10;

    /// <summary>Also count entities, sources and months over all matches. Default false.</summary>
    public bool Facets { get; init; }

    /// <summary>How many values each entity type and the sources list when <see cref="Facets"/> is on. Default 10.</summary>
    public int FacetLimit { get; init; } = 10;

    /// <summary>
    /// Return one hit per group of near-duplicates among the matches: the best-ranked one, with the ids of the
    /// others in <see cref="SearchHit.SimilarIds"/>. Skip and Top then count groups; <see cref="SearchResults.Total"/>
    /// still counts matches. Near-duplicates are those at <see cref="DuplicateOptions.DefaultThreshold"/> or more. Default false.
    /// </summary>
    public bool CollapseDuplicates { get; init; }

    /// <summary>
    /// Escape hatch: a raw Lucene query that must also match. Field names are in <see cref="FieldNames"/>.
    /// </summary>
    public Lucene.Net.Search.Query? LuceneQuery { get; init; }
}
