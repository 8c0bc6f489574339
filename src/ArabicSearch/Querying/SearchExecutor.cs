using ArabicSearch.Entities;
using ArabicSearch.Highlighting;
using ArabicSearch.Indexing;
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
        var translated = translator.Translate(request, searcher.IndexReader);
        int wanted = Math.Max(1, request.Skip + request.Top);
        int window = request.CollapseDuplicates ? Math.Min(maxResultWindow, Math.Max(100, wanted * 4)) : wanted;
        // A first page in relevance order is collected with the cheap first pass, then rescored (see TranslatedQuery).
        // Cursor pages search the full query, so that they continue the order of the scores the first page showed.
        bool rescoring = translated.FirstPass is not null && translated.Rescore is not null && after is null;
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
                top = rescoring
                    ? Rescored(searcher, translated.Query, translated.FirstPass!, translated.Rescore!, window, facetCollectors, cancellationToken)
                    : TopHits(searcher, translated.Query, window, request.Sort, after?.ToScoreDoc(), facetCollectors, cancellationToken);
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
            : counter.Result(recognizer.TypeOf, recognizer.Describe, request.FacetLimit) with { Categories = categories.Result(request.FacetLimit) };
        // Search-after paging: where this page ends, and whether any match is left after it.
        long seen = (after?.Seen ?? request.Skip) + hits.Count;
        string? next = !request.CollapseDuplicates && hits.Count > 0 && seen < top.TotalHits
            ? SearchCursor.Encode(request.Sort, top.ScoreDocs[request.Skip + hits.Count - 1], seen, searcher.IndexReader) : null;
        IReadOnlyList<string> notices = after is not null && after.IsStaleFor(searcher.IndexReader)
            ? [.. translated.Notices, "The index changed since this cursor was made: this page may skip or repeat hits."] : translated.Notices;
        var suggestions = SpellingSuggester.Suggest(searcher.IndexReader, recognizer, request, top.TotalHits);
        return new SearchResults { Total = top.TotalHits, Hits = hits, Facets = facets, Notices = notices, NextCursor = next, Suggestions = suggestions };
    }

    /// <summary>One hit: its stored fields, a snippet marked with what the query matched, its entities and near-duplicates.</summary>
    private SearchHit Hit(IndexSearcher searcher, ScoreDoc sd, HighlightTerms highlight, IReadOnlyList<string> similarIds)
    {
        var doc = searcher.Doc(sd.Doc);
        var snippet = SnippetBuilder.Build(doc.Get(FieldNames.Body) ?? "", highlight, recognizer);
        return new SearchHit
        {
            Id = doc.Get(FieldNames.Id) ?? "",
            Score = float.IsNaN(sd.Score) ? 0f : sd.Score,
            Title = doc.Get(FieldNames.Title) ?? "",
            Source = doc.Get(FieldNames.Source) ?? "",
            Url = doc.Get(FieldNames.Url) ?? "",
            Published = DocumentMapper.PublishedOf(doc),
            Category = doc.Get(FieldNames.Category) ?? "",
            Snippet = snippet.Html,
            SnippetText = snippet.Text,
            SnippetHighlights = snippet.Highlights,
            Highlights = snippet.BodyHighlights,
            Entities = mapper.EntitiesOf(doc),
            SimilarIds = similarIds,
        };
    }

    /// <summary>How deep the first pass reads at first, as a multiple of the page's window (and at least <see cref="MinRescoreDepth"/>).</summary>
    internal static int RescoreDepthFactor { get; set; } = 4;

    /// <summary>The fewest first-pass hits a rescored page reads at first.</summary>
    internal static int MinRescoreDepth { get; set; } = 100;

    /// <summary>
    /// The best <paramref name="window"/> hits of <paramref name="full"/>, found without running it over every match:
    /// the best of <paramref name="firstPass"/> (<see cref="MinRescoreDepth"/>, or <see cref="RescoreDepthFactor"/> times
    /// the window), each with the score of <paramref name="rescore"/> added, which is its score under the full query.
    /// The page is exact: it is returned only when its last score beats the lowest first-pass score read plus the most
    /// <paramref name="rescore"/> can add (<see cref="MaxScore"/>), so no article left unread could belong on it.
    /// Otherwise the first pass reads eight times deeper once, then the full query is run. The total is the first
    /// pass's, which matches the same articles; <paramref name="also"/> (the facet counters) sees every match once.
    /// </summary>
    private static TopDocs Rescored(IndexSearcher searcher, Query full, Query firstPass, Query rescore, int window, ICollector? also, CancellationToken cancellationToken)
    {
        var bm25 = searcher.Similarity as Lucene.Net.Search.Similarities.BM25Similarity;
        double bound = bm25 is null ? double.PositiveInfinity : MaxScore(rescore, searcher.IndexReader, bm25.K1, 1f);
        if (double.IsInfinity(bound)) return TopHits(searcher, full, window, SearchSort.Relevance, null, also, cancellationToken);
        long depth = Math.Max(MinRescoreDepth, (long)window * RescoreDepthFactor);
        for (int round = 0; round < 2; round++, depth *= 8)
        {
            var first = TopHits(searcher, firstPass, (int)Math.Min(int.MaxValue, depth), SearchSort.Relevance, null, also, cancellationToken);
            also = null;
            if (first.ScoreDocs.Length == 0) return first;
            cancellationToken.ThrowIfCancellationRequested();
            var hits = Rescore(searcher, first.ScoreDocs, rescore);
            bool all = first.ScoreDocs.Length >= first.TotalHits;
            float floor = first.ScoreDocs[^1].Score; // no article left unread scores more in the first pass
            if (all || (hits.Length >= window && hits[window - 1].Score > floor + bound * 1.0001 + 1e-4))
            {
                var page = hits.Length > window ? hits[..window] : hits;
                return new TopDocs(first.TotalHits, page, page.Length > 0 ? page[0].Score : float.NaN);
            }
        }
        return TopHits(searcher, full, window, SearchSort.Relevance, null, null, cancellationToken);
    }

    /// <summary>
    /// <paramref name="hits"/> with <paramref name="rescore"/>'s score added, best first, equal scores in document order
    /// (as the collectors order them).
    /// </summary>
    private static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] hits, Query rescore)
    {
        // Each hit in document order, so each segment's scorer only moves forward (as QueryRescorer does; Lucene.Net's
        // throws when a segment has no match of the rescoring query).
        var rescored = hits.Select(sd => new ScoreDoc(sd.Doc, sd.Score)).OrderBy(sd => sd.Doc).ToArray();
        var weight = searcher.CreateNormalizedWeight(rescore);
        var leaves = searcher.IndexReader.Leaves;
        int leaf = -1, end = 0;
        Scorer? scorer = null;
        foreach (var hit in rescored)
        {
            while (hit.Doc >= end)
            {
                leaf++;
                end = leaves[leaf].DocBase + leaves[leaf].Reader.MaxDoc;
                scorer = weight.GetScorer(leaves[leaf], leaves[leaf].AtomicReader.LiveDocs);
            }
            if (scorer is null) continue;
            int target = hit.Doc - leaves[leaf].DocBase;
            int at = scorer.DocID < target ? scorer.Advance(target) : scorer.DocID;
            if (at == target) hit.Score += scorer.GetScore();
        }
        Array.Sort(rescored, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        return rescored;
    }

    /// <summary>
    /// The most <paramref name="query"/> can score for one article under BM25: a term at most its boost × IDF × (k1 + 1)
    /// (term frequency saturates below k1 + 1), a disjunction at most its best clause (or the sum, with a tie-breaker),
    /// a boolean query at most the sum of its positive clauses; infinity for any other query.
    /// </summary>
    internal static double MaxScore(Query query, Lucene.Net.Index.IndexReader reader, float k1, float boost) => query switch
    {
        TermQuery t => boost * t.Boost * Math.Log(1 + (reader.MaxDoc - reader.DocFreq(t.Term) + 0.5) / (reader.DocFreq(t.Term) + 0.5)) * (k1 + 1),
        DisjunctionMaxQuery d when d.TieBreakerMultiplier == 0 => d.Disjuncts.Select(q => MaxScore(q, reader, k1, boost * d.Boost)).DefaultIfEmpty(0).Max(),
        DisjunctionMaxQuery d => d.Disjuncts.Sum(q => MaxScore(q, reader, k1, boost * d.Boost)),
        BooleanQuery b => b.Clauses.Where(c => c.Occur != Occur.MUST_NOT).Sum(c => MaxScore(c.Query, reader, k1, boost * b.Boost)),
        _ => double.PositiveInfinity,
    };

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
