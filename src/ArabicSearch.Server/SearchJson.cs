using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArabicSearch.Server;

/// <summary>
/// The JSON shape of search results, shared by <c>arabicsearch search --json</c> and <c>GET /api/search</c>.
/// Its keys are a contract (checked by ../shared/checks/contract): add keys, never rename or drop one.
/// </summary>
public static class SearchJson
{
    /// <summary>Indented, camelCase, and Arabic (any non-ASCII) written as itself rather than as <c>\uXXXX</c> escapes.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The results as an object to serialize with <see cref="Options"/>.</summary>
    public static object ToJson(SearchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var hits = results.Hits.Select(h => new
        {
            id = h.Id,
            score = Math.Round(h.Score, 4),
            title = h.Title,
            titleHighlights = h.TitleHighlights.Select(s => new[] { s.Start, s.Length }),
            source = h.Source,
            url = h.Url,
            published = Date(h.Published),
            snippet = h.Snippet,
            snippetText = h.SnippetText,
            highlights = h.SnippetHighlights.Select(s => new[] { s.Start, s.Length }),
            entities = h.Entities.Select(e => new { id = e.Id, name = e.Name, type = e.Type.ToString() }),
            similar = h.SimilarCount,
            similarIds = h.SimilarIds,
        });
        if (results.Facets is not { } facets) return WithPaging(new { total = results.Total, hits, notices = results.Notices }, results);
        return WithPaging(new
        {
            total = results.Total,
            hits,
            facets = new
            {
                entities = facets.Entities.ToDictionary(kv => kv.Key, kv => kv.Value.Select(Count)),
                sources = facets.Sources.Select(Count),
                months = facets.Months.Select(Count),
            },
            notices = results.Notices,
        }, results);
    }

    /// <summary>Adds "did you mean" (<c>suggestions</c>, only when there are any) and paging (<c>nextCursor</c>, null on the last page).</summary>
    private static System.Text.Json.Nodes.JsonObject WithPaging(object body, SearchResults results)
    {
        var o = JsonSerializer.SerializeToNode(body, Options)!.AsObject();
        if (results.Suggestions is { } s)
            o["suggestions"] = JsonSerializer.SerializeToNode(new
            {
                correctedText = s.CorrectedText,
                words = s.Words.Select(w => new { word = w.Word, suggestions = w.Suggestions, entity = w.IsEntity }),
            }, Options);
        o["nextCursor"] = results.NextCursor;
        return o;
    }

    /// <summary>Autocomplete results, as <c>arabicsearch suggest --json</c> and <c>GET /api/suggest</c> return them.</summary>
    public static object ToJson(string prefix, IReadOnlyList<Completion> completions)
    {
        ArgumentNullException.ThrowIfNull(completions);
        return new
        {
            prefix,
            completions = completions.Select(c => new { text = c.Text, frequency = c.Frequency, kind = c.Kind.ToString().ToLowerInvariant(), entityId = c.EntityId }),
        };
    }

    /// <summary>A stored article, as <c>GET /api/articles/{id}</c> returns it.</summary>
    public static object ToJson(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new
        {
            id = article.Id,
            title = article.Title,
            source = article.Source,
            url = article.Url,
            published = Date(article.Published),
            category = article.Category,
            author = article.Author,
            body = article.Body,
        };
    }

    /// <summary>Serializes <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Count(FacetCount c) => new { value = c.Value, label = c.Label, count = c.Count };
}
