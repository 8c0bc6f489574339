using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ArabicSearch.Server;

/// <summary>
/// The search state a URL carries (<c>/?q=…&amp;entity=…&amp;from=…</c>, and the same for <c>/api/search</c>), read
/// into a <see cref="SearchRequest"/> and written back into links.
/// </summary>
internal sealed record SearchQuery
{
    public const int DefaultPageSize = 10, MaxPageSize = 100;

    public string? Text { get; init; }
    public string? Phrase { get; init; }
    public IReadOnlyList<string> Entities { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool Mentioned { get; init; }
    /// <summary>relevance, recent (relevance with a recency decay), newest (or date) or oldest.</summary>
    public string Sort { get; init; } = "relevance";
    /// <summary>How q is read: text (a search box's, the default), plain or lucene.</summary>
    public string Syntax { get; init; } = "text";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
    public bool Facets { get; init; }
    /// <summary>The search-after cursor (<c>nextCursor</c> of the previous page).</summary>
    public string? After { get; init; }
    public bool Collapse { get; init; }

    /// <summary>Whether anything was asked for (the page shows no results for an empty state).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Phrase) && Entities.Count == 0
        && Sources.Count == 0 && Categories.Count == 0 && From is null && To is null;

    /// <summary>The parameters <see cref="Parse"/> reads.</summary>
    public static IReadOnlyList<string> Parameters { get; } =
        ["q", "phrase", "entity", "source", "category", "from", "to", "dateField", "sort", "syntax", "page", "pageSize", "facets", "after", "collapse"];

    // Names other search APIs use for the same thing, for the message that refuses them.
    private static readonly Dictionary<string, string> OtherNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["top"] = "pageSize", ["size"] = "pageSize", ["limit"] = "pageSize", ["rows"] = "pageSize", ["count"] = "pageSize",
        ["skip"] = "page", ["offset"] = "page", ["start"] = "page", ["query"] = "q", ["text"] = "q", ["search"] = "q",
        ["search_after"] = "after", ["cursor"] = "after",
    };

    /// <summary>
    /// Reads the query string. <paramref name="facetsByDefault"/>: the page always counts facets, the API only when asked.
    /// <paramref name="strict"/> (the API) refuses a parameter it does not know, as Elasticsearch does, so that a
    /// misspelled or foreign one (<c>top</c>, <c>size</c>, <c>skip</c>) is not silently ignored; the page ignores them
    /// (shared links carry tracking parameters).
    /// </summary>
    /// <exception cref="InvalidQueryException">A value cannot be read, or (strict) a parameter is unknown; the message
    /// says which and how to write it.</exception>
    public static SearchQuery Parse(IQueryCollection query, bool facetsByDefault, bool strict = false)
    {
        if (strict)
        {
            foreach (var key in query.Keys)
            {
                if (Parameters.Contains(key, StringComparer.Ordinal)) continue;
                string hint = OtherNames.TryGetValue(key, out var ours) ? $"; use {ours}"
                    : Parameters.FirstOrDefault(p => string.Equals(p, key, StringComparison.OrdinalIgnoreCase)) is { } cased ? $"; use {cased}"
                    : $"; known parameters: {string.Join(", ", Parameters)}";
                throw new InvalidQueryException($"Unknown parameter '{Shown(key)}'{hint}.");
            }
        }
        // Word values are read in any letter case (Recent, LUCENE), as the CLI reads them.
        string? dateField = One(query, "dateField")?.ToLowerInvariant();
        if (dateField is not (null or "published" or "mentioned"))
            throw new InvalidQueryException($"dateField '{dateField}' is not one of published, mentioned.");
        string? sort = One(query, "sort")?.ToLowerInvariant();
        if (sort is not null && !SearchWords.Sorts.Contains(sort))
            throw new InvalidQueryException($"sort '{sort}' is not one of {string.Join(", ", SearchWords.Sorts)}.");
        string? syntax = One(query, "syntax")?.ToLowerInvariant();
        if (syntax is not null && !SearchWords.Syntaxes.Contains(syntax))
            throw new InvalidQueryException($"syntax '{syntax}' is not one of {string.Join(", ", SearchWords.Syntaxes)}.");
        int page = Int(query, "page", 1);
        if (page < 1) throw new InvalidQueryException($"page must be 1 or more, not {page}.");
        int pageSize = Int(query, "pageSize", DefaultPageSize);
        if (pageSize is < 1 or > MaxPageSize) throw new InvalidQueryException($"pageSize must be between 1 and {MaxPageSize}, not {pageSize}.");
        string? after = One(query, "after");
        // The cursor says where the page starts; a page number beside it would be ignored, so it is refused.
        if (after is not null && page != 1)
            throw new InvalidQueryException($"after cannot be combined with page {page}: the cursor already says where the page starts; drop page.");
        return new SearchQuery
        {
            Text = One(query, "q"),
            Phrase = One(query, "phrase"),
            Entities = Many(query, "entity"),
            Sources = Many(query, "source"),
            Categories = Many(query, "category"),
            From = Date(query, "from"),
            To = Date(query, "to"),
            Mentioned = dateField == "mentioned",
            Sort = sort ?? "relevance",
            Syntax = syntax ?? "text",
            Page = page,
            PageSize = pageSize,
            Facets = Flag(query, "facets") ?? facetsByDefault,
            After = after,
            Collapse = Flag(query, "collapse") ?? false,
        };
    }

    public SearchRequest ToRequest() => new()
    {
        Text = Text,
        Syntax = SearchWords.Syntax(Syntax),
        Phrase = Phrase,
        Entities = Entities,
        Sources = Sources,
        Categories = Categories,
        From = From,
        To = To,
        DateField = Mentioned ? DateField.Mentioned : DateField.Published,
        Sort = SearchWords.Sort(Sort),
        Skip = After is null ? (int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize) : 0,
        Top = PageSize,
        Facets = Facets,
        CollapseDuplicates = Collapse,
        After = After,
    };

    /// <summary>The most hits <see cref="ToRequest"/> can page through with <c>page</c> (the engine's default window, which the server uses).</summary>
    public static int MaxResultWindow { get; } = new ArabicSearchOptions().MaxResultWindow;

    /// <summary>The last page that can be served for <paramref name="total"/> hits: no more than the window allows.</summary>
    public int LastPage(long total) =>
        (int)Math.Min(Math.Min(int.MaxValue, (total + PageSize - 1) / PageSize), Math.Max(1, MaxResultWindow / PageSize));

    /// <summary>
    /// <paramref name="message"/> of the engine in this API's terms: the URL parameters (<c>page</c>, <c>pageSize</c>,
    /// <c>after</c>, <c>collapse</c>) instead of the request properties (Skip, Top, After) that they set.
    /// </summary>
    public string InUrlTerms(string message)
    {
        if (message.StartsWith("Skip + Top is ", StringComparison.Ordinal))
        {
            int last = Math.Max(1, MaxResultWindow / PageSize);
            string further = Collapse ? "" : "; page further with after (the nextCursor of a page)";
            return $"page {Page:N0} is past the last page that can be served: at most {MaxResultWindow:N0} hits can be paged through, {last:N0} pages of pageSize {PageSize}{further}.";
        }
        if (message == "A cursor (After) cannot be combined with collapsing duplicates.")
            return "after cannot be combined with collapse=true; page collapsed results with page.";
        return message;
    }

    /// <summary>The page URL for this state (<c>/?…</c>); parameters left at their defaults are omitted.</summary>
    public string ToUrl(string? article = null)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add(new(key, value)); }
        Add("q", Text);
        Add("phrase", Phrase);
        foreach (var e in Entities) Add("entity", e);
        foreach (var s in Sources) Add("source", s);
        foreach (var c in Categories) Add("category", c);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Mentioned) Add("dateField", "mentioned");
        if (Sort != "relevance") Add("sort", Sort);
        if (Syntax != "text") Add("syntax", Syntax);
        if (Collapse) Add("collapse", "true");
        if (PageSize != DefaultPageSize) Add("pageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        if (Page != 1) Add("page", Page.ToString(CultureInfo.InvariantCulture));
        Add("article", article);
        return "/" + QueryString.Create(parts).ToUriComponent();
    }

    // A parameter name as shown in a message: control characters escaped, at most 40 characters.
    private static string Shown(string key)
    {
        var shown = string.Concat(key.Take(40).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return key.Length > 40 ? shown + "…" : shown;
    }

    // A single-valued parameter given twice is refused: reading only one of them would silently drop the other.
    private static string? One(IQueryCollection query, string key)
    {
        var values = query[key];
        if (values.Count > 1) throw new InvalidQueryException($"{key} is given {values.Count} times; give it once.");
        string? value = values.Count == 0 ? null : values[0];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    // Repeatable parameters; an empty one (entity=) is refused as the library refuses an empty name.
    private static string[] Many(IQueryCollection query, string key)
    {
        if (query[key].Any(string.IsNullOrWhiteSpace))
        {
            string what = key switch { "entity" => "An entity", "source" => "A source", "category" => "A category", _ => key };
            throw new InvalidQueryException($"{what} name is empty ({key}=); give a name or leave {key} out.");
        }
        return query[key].Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static DateOnly? Date(IQueryCollection query, string key)
    {
        if (One(query, key) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new InvalidQueryException($"{key} '{text}' is not a date; use yyyy-MM-dd, e.g. 2021-07-01.");
    }

    private static int Int(IQueryCollection query, string key, int fallback)
    {
        if (One(query, key) is not { } text) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return n;
        throw new InvalidQueryException($"{key} '{text}' is not a whole number.");
    }

    private static bool? Flag(IQueryCollection query, string key) => One(query, key) switch
    {
        null => null,
        "true" or "1" or "on" => true,
        "false" or "0" or "off" => false,
        var other => throw new InvalidQueryException($"{key} '{other}' is not true or false."),
    };
}
