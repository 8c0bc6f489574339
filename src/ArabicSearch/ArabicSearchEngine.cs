using ArabicSearch.Duplicates;
using ArabicSearch.Entities;
using ArabicSearch.Highlighting;
using ArabicSearch.Indexing;
using ArabicSearch.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArabicSearch;

/// <summary>
/// An Arabic news index: add, update and delete articles by id, commit, and search.
/// </summary>
/// <remarks>
/// <para>One engine owns its index folder for its whole lifetime: one <c>IndexWriter</c> (none when read-only) and a
/// <c>SearcherManager</c>. Open it once and share it; every member is thread-safe. Searches see writes made through
/// this engine as soon as they return (near-real-time), but writes are durable only after <see cref="Commit"/> returns.</para>
/// <para>Dispose the engine to release the index's write lock. Disposing does not commit: uncommitted writes are rolled back.</para>
/// </remarks>
public sealed class ArabicSearchEngine : IDisposable
{
    private readonly IndexSession _index;
    private readonly FieldAnalyzer _analyzer = new();
    private readonly DocumentMapper _mapper;
    private readonly QueryTranslator _translator;
    private readonly EntityRecognizer _recognizer;
    private readonly ArabicSearchOptions _options;
    private readonly ILogger _logger;
    private int _disposed;

    private readonly Similarity _similarity;

    private ArabicSearchEngine(LuceneDirectory directory, ArabicSearchOptions options, string where)
    {
        _options = options;
        _similarity = new BM25Similarity(options.Bm25K1, options.Bm25B);
        _logger = options.LoggerFactory?.CreateLogger<ArabicSearchEngine>() ?? NullLogger<ArabicSearchEngine>.Instance;
        _recognizer = options.Gazetteer is null ? EntityRecognizer.Default : new EntityRecognizer(options.Gazetteer);
        _mapper = new DocumentMapper(_recognizer, options.TitleWeight);
        _translator = new QueryTranslator(_analyzer, _recognizer, options);
        try
        {
            Func<IndexWriterConfig>? newConfig = options.ReadOnly ? null : () => new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = _similarity,
                RAMBufferSizeMB = 64,
            };
            _index = IndexSession.Open(directory, newConfig, new Bm25SearcherFactory(_similarity), where, options.CreateIfMissing, options.VerifyOnOpen);
        }
        catch
        {
            _analyzer.Dispose();
            throw;
        }
        if (_logger.IsEnabled(LogLevel.Information))
            EngineLog.Opened(_logger, options.IndexPath ?? "(in memory)", options.ReadOnly ? "read-only" : "read-write", Count);
    }

    /// <summary>Opens (or creates) the on-disk index described by <paramref name="options"/>.</summary>
    /// <exception cref="IndexNotFoundException">There is no index and none may be created.</exception>
    /// <exception cref="IndexInUseException">Another writer holds the index.</exception>
    /// <exception cref="IndexCorruptException">The index's files are damaged.</exception>
    public static ArabicSearchEngine Open(ArabicSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.IndexPath is null) throw new ArgumentException("IndexPath is required; use CreateInMemory for an in-memory index.", nameof(options));
        var path = new DirectoryInfo(options.IndexPath);
        if (options.ReadOnly && !path.Exists) throw new IndexNotFoundException($"No index at '{options.IndexPath}': the folder does not exist.");
        // NIOFSDirectory, not MMapDirectory: in Lucene.Net 4.8.0-beta00017 MMap is far slower under concurrent search and can crash.
        // Our lock factory, not Lucene.Net's NativeFSLockFactory: that one does not exclude other processes on Linux.
        // DurableNIOFSDirectory also fsyncs the folder on commit, as Java Lucene does and Lucene.Net 4.8 does not.
        return new ArabicSearchEngine(new DurableNIOFSDirectory(path, new ExclusiveFileLockFactory(path.FullName)), options, options.IndexPath);
    }

    /// <summary>Opens an engine over any Lucene directory (tests inject faults this way). The engine owns the directory.</summary>
    internal static ArabicSearchEngine Open(LuceneDirectory directory, ArabicSearchOptions options)
    {
        options.Validate();
        return new ArabicSearchEngine(directory, options, options.IndexPath ?? directory.ToString() ?? "(directory)");
    }

    /// <summary>Creates an empty in-memory index (for tests, demos and short-lived work).</summary>
    public static ArabicSearchEngine CreateInMemory(ArabicSearchOptions? options = null)
    {
        options = (options ?? new ArabicSearchOptions()) with { IndexPath = null, ReadOnly = false, CreateIfMissing = true };
        options.Validate();
        return new ArabicSearchEngine(new RAMDirectory(), options, "(in memory)");
    }

    /// <summary>Checks the index at <paramref name="indexPath"/> with Lucene's CheckIndex (reads every file; changes nothing).</summary>
    /// <exception cref="IndexNotFoundException">The folder holds no index.</exception>
    public static IndexVerification Verify(string indexPath) => IndexVerifier.Verify(indexPath);

    /// <summary>The recognizer used for entities at index time and in entity queries.</summary>
    public EntityRecognizer Entities => _recognizer;

    /// <summary>Adds an article, replacing any article with the same id. Visible to searches at once; durable after <see cref="Commit"/>.</summary>
    public void AddOrUpdate(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Validate(article);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _index.Update(new Term(FieldNames.Id, article.Id), _mapper.ToDocument(article));
    }

    /// <summary>
    /// Adds or updates many articles as one step: searches in this process and commits see all of them or none.
    /// Every article is validated before any is written.
    /// </summary>
    /// <exception cref="IndexWriteException">Writing failed; see <see cref="Rollback"/>.</exception>
    public void AddOrUpdate(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var documents = new List<(Term, IEnumerable<IIndexableField>)>();
        foreach (var a in articles)
        {
            ArgumentNullException.ThrowIfNull(a, nameof(articles));
            Validate(a);
            documents.Add((new Term(FieldNames.Id, a.Id), _mapper.ToDocument(a)));
        }
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (documents.Count > 0) _index.UpdateAll(documents);
    }

    /// <summary>Deletes the article with <paramref name="id"/>, if any.</summary>
    public void Delete(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _index.Delete(new Term(FieldNames.Id, id));
    }

    /// <summary>Makes every write so far durable. When this returns, the writes survive a crash of the process.</summary>
    /// <exception cref="IndexWriteException">The commit failed (e.g. the disk is full); the index stays at its last commit.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        _index.Commit();
        long elapsedMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        EngineLog.Committed(_logger, _options.IndexPath ?? "(in memory)", elapsedMs);
    }

    /// <summary>
    /// Discards every uncommitted write (from every thread) and goes on from the last commit. After an
    /// <see cref="IndexWriteException"/>, call this to acknowledge the loss; writes and commits fail until then.
    /// </summary>
    /// <exception cref="IndexWriteException">The writer could not be reopened; searches still see the last commit.</exception>
    public void Rollback()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _index.Rollback();
    }

    /// <summary>How many articles the index holds, as searches see it now.</summary>
    public int Count
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            _index.MaybeRefresh();
            return _index.Read(s => s.IndexReader.NumDocs);
        }
    }

    /// <summary>Runs a search.</summary>
    /// <exception cref="InvalidQueryException">The request cannot be parsed or is out of bounds.</exception>
    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        QueryTranslator.Validate(request, _options.MaxResultWindow);
        SearchCursor.Validate(request);
        var after = request.After is null ? null : SearchCursor.Decode(request.After, request.Sort);

        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        _index.MaybeRefresh();
        return _index.Read(searcher =>
        {
            var translated = _translator.Translate(request, searcher.IndexReader);
            int wanted = Math.Max(1, request.Skip + request.Top);
            int window = request.CollapseDuplicates ? Math.Min(_options.MaxResultWindow, Math.Max(100, wanted * 4)) : wanted;
            TopDocs top;
            List<(int Leader, List<int> Others)>? groups = null;
            while (true)
            {
                try
                {
                    var sort = request.Sort == SearchSort.Newest ? new Sort(new SortField(FieldNames.PublishedValues, SortFieldType.INT64, true), SortField.FIELD_SCORE) : null;
                    top = (sort, after) switch
                    {
                        (null, null) => searcher.Search(translated.Query, window),
                        (null, _) => searcher.SearchAfter(after.ToScoreDoc(), translated.Query, window),
                        (_, null) => searcher.Search(translated.Query, null, window, sort, true, false),
                        _ => searcher.SearchAfter(after.ToScoreDoc(), translated.Query, null, window, sort, true, false),
                    };
                }
                catch (BooleanQuery.TooManyClausesException e)
                {
                    throw new InvalidQueryException($"The query expands to more than {BooleanQuery.MaxClauseCount} terms; make it more specific.", e);
                }
                if (!request.CollapseDuplicates) break;
                // Collapsing needs enough matches to fill the page with groups; widen the window until it does.
                groups = DuplicateIndex.Collapse(searcher.IndexReader, top.ScoreDocs, DuplicateOptions.DefaultThreshold);
                if (groups.Count >= wanted || top.ScoreDocs.Length >= top.TotalHits || window >= _options.MaxResultWindow) break;
                window = (int)Math.Min(_options.MaxResultWindow, window * 4L);
            }
            int shown = groups?.Count ?? top.ScoreDocs.Length;
            var hits = new List<SearchHit>(request.Top);
            for (int i = request.Skip; i < shown && hits.Count < request.Top; i++)
            {
                var sd = top.ScoreDocs[groups?[i].Leader ?? i];
                var doc = searcher.Doc(sd.Doc);
                string body = doc.Get(FieldNames.Body) ?? "";
                var (snippet, spans) = SnippetBuilder.Build(body, translated.Highlight, _recognizer);
                hits.Add(new SearchHit
                {
                    Id = doc.Get(FieldNames.Id) ?? "",
                    Score = float.IsNaN(sd.Score) ? 0f : sd.Score,
                    Title = doc.Get(FieldNames.Title) ?? "",
                    Source = doc.Get(FieldNames.Source) ?? "",
                    Url = doc.Get(FieldNames.Url) ?? "",
                    Published = DocumentMapper.PublishedOf(doc),
                    Snippet = snippet,
                    Highlights = spans,
                    Entities = _mapper.EntitiesOf(doc),
                    SimilarIds = groups is null ? [] : DuplicateIndex.IdsOf(searcher, top.ScoreDocs, groups[i].Others),
                });
            }
            SearchFacets? facets = null;
            if (request.Facets)
            {
                // A second pass over all matches; scoring is skipped (AcceptsDocsOutOfOrder) and doc values are columnar.
                var counter = new FacetCounter();
                searcher.Search(translated.Query, counter);
                facets = counter.Result(_recognizer.TypeOf, _recognizer.Describe, request.FacetLimit);
            }
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (elapsed > _options.SlowQueryThreshold && _logger.IsEnabled(LogLevel.Warning))
            {
                string described = request.ToString();
                EngineLog.SlowSearch(_logger, (long)elapsed.TotalMilliseconds, top.TotalHits, described);
            }
            // Search-after paging: where this page ends, and whether any match is left after it.
            long seen = (after?.Seen ?? request.Skip) + hits.Count;
            string? next = !request.CollapseDuplicates && hits.Count > 0 && seen < top.TotalHits
                ? SearchCursor.Encode(request.Sort, top.ScoreDocs[request.Skip + hits.Count - 1], seen, searcher.IndexReader) : null;
            IReadOnlyList<string> notices = after is not null && after.IsStaleFor(searcher.IndexReader)
                ? [.. translated.Notices, "The index changed since this cursor was made: this page may skip or repeat hits."] : translated.Notices;
            var suggestions = SpellingSuggester.Suggest(searcher.IndexReader, _recognizer, request, top.TotalHits);
            return new SearchResults { Total = top.TotalHits, Hits = hits, Facets = facets, Notices = notices, NextCursor = next, Suggestions = suggestions };
        });
    }

    /// <summary>
    /// Autocomplete: up to <paramref name="count"/> completions of <paramref name="prefix"/>, most frequent first, from
    /// headline words and two-word headline phrases (shown as the headlines wrote them) and from entity names (gazetteer
    /// aliases of entities the index names). The prefix is normalized like queries, so <c>الإد</c> completes <c>الإدارة</c>;
    /// a trailing space asks for phrases that go on after the last word.
    /// </summary>
    /// <remarks>
    /// Reads the term dictionary only (no documents): about a millisecond or less for most prefixes on a 31k-article
    /// index. Prefixes of up to three normalized characters (<c>ال</c>, <c>الس</c>) match tens of thousands of terms:
    /// their answers are computed once per index snapshot (the first call can take a few hundred milliseconds) and then
    /// served from memory, and they rank only the first 20,000 headline terms in dictionary order.
    /// Indexes built before this field existed complete entity names only, until their articles are re-indexed.
    /// At most 200 characters of the prefix are read.
    /// </remarks>
    /// <returns>The completions; empty when the prefix has no letters or digits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not between 1 and 100.</exception>
    public IReadOnlyList<Completion> Suggest(string prefix, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 100);
        return WithSearcher(s => Autocomplete.Suggest(s.IndexReader, _recognizer, prefix, count));
    }

    /// <summary>
    /// Finds groups of near-duplicate articles (or, with <see cref="DuplicateOptions.Level"/> <see cref="ArticleRelation.Related"/>,
    /// of articles about the same story) by banding their MinHash fingerprints: no pair of articles is compared unless
    /// their fingerprints share a band.
    /// </summary>
    /// <remarks>Articles indexed before fingerprints existed have none; they are counted in <see cref="DuplicateReport.WithoutFingerprint"/>.</remarks>
    public DuplicateReport FindDuplicates(DuplicateOptions? options = null)
    {
        options ??= DuplicateOptions.Default;
        options.Validate();
        return WithSearcher(s => DuplicateIndex.FindGroups(s, options));
    }

    /// <summary>Which sentences the body of <paramref name="secondId"/> adds or drops relative to that of <paramref name="firstId"/>, and how similar they are.</summary>
    /// <exception cref="ArticleNotFoundException">Either id is not in the index.</exception>
    public ArticleDiff Diff(string firstId, string secondId)
    {
        ArgumentException.ThrowIfNullOrEmpty(firstId);
        ArgumentException.ThrowIfNullOrEmpty(secondId);
        return WithSearcher(s => DuplicateIndex.Diff(s, firstId, secondId, DuplicateOptions.Default));
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _index.MaybeRefresh();
        return _index.Read(work);
    }

    private static void Validate(Article a)
    {
        if (string.IsNullOrWhiteSpace(a.Id)) throw new ArgumentException("An article needs a non-empty id.", nameof(a));
        ArgumentNullException.ThrowIfNull(a.Body);
        ArgumentNullException.ThrowIfNull(a.Title);
        ArgumentNullException.ThrowIfNull(a.Source);
        ArgumentNullException.ThrowIfNull(a.Url);
    }

    /// <summary>Releases the index: rolls back uncommitted writes and frees the write lock.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _index.Dispose(); // rolls back; a writer whose rollback throws still has its lock cleared
        _analyzer.Dispose();
    }

    private sealed class Bm25SearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}
