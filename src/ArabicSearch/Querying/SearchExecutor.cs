using ArabicSearch.Entities;
using ArabicSearch.Highlighting;
using ArabicSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>
/// Runs a validated <see cref="SearchRequest"/> on one searcher: translation, collection (relevance, date or
/// search-after order, cancellable), duplicate collapsing, paging, hits with snippets, facets, the next cursor and
/// "did you mean". The engine only opens the searcher, times the search and logs it. Thread-safe: no per-search state.
/// </summary>
internal sealed class SearchExecutor(QueryTranslator translator, DocumentMapper mapper, EntityRecognizer recognizer, int maxResultWindow)
{
    /// <summary>The results of <paramref name="request"/> on <paramref name="searcher"/>'s snapshot.</summary>
    /// <exception cref="InvalidQueryException">The request cannot be translated or costs too much.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled during collection.</exception>
    public SearchResults Execute(IndexSearcher searcher, SearchRequest request, SearchCursor? after, CancellationToken cancellationToken)
    {
        // A cursor names a document of the index it was made on: one past this index's end comes from another index.
        if (after is not null && after.Doc >= searcher.IndexReader.MaxDoc)
            throw new InvalidQueryException("The cursor was made on another index (or before this one was rebuilt); start again from the first page, without a cursor.");
        var translated = translator.Translate(request, searcher.IndexReader);
        int wanted = Math.Max(1, request.Skip + request.Top);
        int window = request.CollapseDuplicates ? Math.Min(maxResultWindow, Math.Max(100, wanted * 4)) : wanted;
        TopDocs top;
        List<(int Leader, List<int> Others)>? groups = null;
        // Facets are counted in the same pass over the matches as the top hits (the first pass, when collapsing widens).
        var counter = request.Facets ? new FacetCounter() : null;
        var categories = request.Facets ? new CategoryCounter() : null;
        ICollector? facetCollectors = request.Facets ? MultiCollector.Wrap(counter, categories) : null;
        while (true)
        {
            try
            {
                top = TopHits(searcher, translated.Query, window, request.Sort, after?.ToScoreDoc(), facetCollectors, cancellationToken);
                facetCollectors = null;
            }
            catch (BooleanQuery.TooManyClausesException e)
            {
                throw new InvalidQueryException($"The query expands to more than {BooleanQuery.MaxClauseCount} terms; make it more specific.", e);
            }
            if (!request.CollapseDuplicates) break;
            // Collapsing needs enough matches to fill the page with groups; widen the window until it does.
            groups = DuplicateIndex.Collapse(searcher.IndexReader, top.ScoreDocs, DuplicateOptions.DefaultThreshold);
            if (groups.Count >= wanted || top.ScoreDocs.Length >= top.TotalHits || window >= maxResultWindow) break;
            window = (int)Math.Min(maxResultWindow, window * 4L);
        }
        int shown = groups?.Count ?? top.ScoreDocs.Length;
        var hits = new List<SearchHit>(request.Top);
        for (int i = request.Skip; i < shown && hits.Count < request.Top; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sd = top.ScoreDocs[groups?[i].Leader ?? i];
            hits.Add(Hit(searcher, sd, translated.Highlight, groups is null ? [] : DuplicateIndex.IdsOf(searcher, top.ScoreDocs, groups[i].Others)));
        }
        SearchFacets? facets = counter is null || categories is null ? null
            : counter.Result(recognizer.TypeOf, id => recognizer.Describe(id) is { } e ? EntityNames.AsWritten(e, searcher.IndexReader) : null, request.FacetLimit) with { Categories = categories.Result(request.FacetLimit) };
        // Search-after paging: where this page ends, and whether any match is left after it.
        long seen = (after?.Seen ?? request.Skip) + hits.Count;
        string? next = !request.CollapseDuplicates && hits.Count > 0 && seen < top.TotalHits
            ? SearchCursor.Encode(request, top.ScoreDocs[request.Skip + hits.Count - 1], seen, searcher.IndexReader) : null;
        var notices = new List<string>(translated.Notices);
        if (after is not null && after.IsStaleFor(searcher.IndexReader)) notices.Add("The index changed since this cursor was made: this page may skip or repeat hits.");
        if (OlderAnalysis(searcher) is > 0 and var older)
            notices.Add($"{older:N0} of {searcher.IndexReader.NumDocs:N0} articles were indexed by an older release (analysis version {ArabicSearch.Analysis.ArabicAnalysis.Version} is current): they are searched and shown as that release indexed them until they are indexed again.");
        var suggestions = SpellingSuggester.Suggest(searcher.IndexReader, recognizer, request, top.TotalHits);
        return new SearchResults { Total = top.TotalHits, Hits = hits, Facets = facets, Notices = notices, NextCursor = next, Suggestions = suggestions };
    }

    /// <summary>One hit: its stored fields, a snippet marked with what the query matched, its entities and near-duplicates.</summary>
    private SearchHit Hit(IndexSearcher searcher, ScoreDoc sd, HighlightTerms highlight, IReadOnlyList<string> similarIds)
    {
        var doc = HitFields.Of(searcher.IndexReader, sd.Doc);
        var snippet = SnippetBuilder.Build(doc.Body ?? "", highlight, recognizer, published: doc.Published);
        string title = doc.Title ?? "";
        return new SearchHit
        {
            Id = doc.Id ?? "",
            Score = float.IsNaN(sd.Score) ? 0f : sd.Score,
            Title = title,
            TitleHighlights = SnippetBuilder.Marks(title, highlight, recognizer, doc.Published),
            Source = doc.Source ?? "",
            Url = doc.Url ?? "",
            Published = doc.Published,
            Category = doc.Category ?? "",
            Snippet = snippet.Html,
            SnippetText = snippet.Text,
            SnippetHighlights = snippet.Highlights,
            Highlights = snippet.BodyHighlights,
            Entities = mapper.EntitiesOf(doc.Entities, searcher.IndexReader),
            SimilarIds = similarIds,
        };
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Runtime.CompilerServices.StrongBox<int>> OlderBySnapshot = new();

    /// <summary>
    /// The live articles of the searcher's snapshot without the current analysis version term
    /// (<see cref="ArabicSearchEngine.OlderAnalysisCount"/>), counted once per snapshot.
    /// </summary>
    internal static int OlderAnalysis(IndexSearcher searcher) =>
        OlderBySnapshot.GetValue(searcher.IndexReader.CoreCacheKey, _ => new(searcher.IndexReader.NumDocs
            - searcher.Search(new TermQuery(new Term(FieldNames.AnalysisVersion, DocumentMapper.AnalysisVersionTerm)), 1).TotalHits)).Value;

    /// <summary>
    /// The best <paramref name="window"/> hits in <paramref name="sort"/> order, after <paramref name="after"/> when
    /// paging with a cursor; <paramref name="also"/> (the facet counters), when given, sees every match of the same pass.
    /// With a cancellable token or other collectors, the collectors IndexSearcher would pick run under a
    /// <see cref="MultiCollector"/> and a <see cref="CancellableCollector"/>.
    /// </summary>
    private static TopDocs TopHits(IndexSearcher searcher, Query query, int window, SearchSort sort, ScoreDoc? after, ICollector? also, CancellationToken cancellationToken)
    {
        var order = QueryTranslator.SortOf(sort);
        if (!cancellationToken.CanBeCanceled && also is null)
        {
            return (order, after) switch
            {
                (null, null) => searcher.Search(query, window),
                (null, _) => searcher.SearchAfter(after, query, window),
                (_, null) => searcher.Search(query, null, window, order, true, false),
                _ => searcher.SearchAfter(after, query, null, window, order, true, false),
            };
        }
        int n = Math.Min(window, Math.Max(1, searcher.IndexReader.MaxDoc)); // as IndexSearcher clamps it
        bool inOrder = !searcher.CreateNormalizedWeight(query).ScoresDocsOutOfOrder;
        ICollector Run(ICollector top)
        {
            var all = also is null ? top : MultiCollector.Wrap(top, also);
            return cancellationToken.CanBeCanceled ? new CancellableCollector(all, cancellationToken) : all;
        }
        if (order is not null)
        {
            var fields = TopFieldCollector.Create(order, n, after as FieldDoc, true, true, false, inOrder);
            searcher.Search(query, Run(fields));
            return fields.GetTopDocs();
        }
        var scores = TopScoreDocCollector.Create(n, after, inOrder);
        searcher.Search(query, Run(scores));
        return scores.GetTopDocs();
    }
}
