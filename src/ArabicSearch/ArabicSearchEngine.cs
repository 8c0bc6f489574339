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
    private readonly SearchExecutor _executor;
    private readonly EntityRecognizer _recognizer;
    private readonly ArabicSearchOptions _options;
    private readonly ILogger _logger;
    private int _disposed;
    private long _uncommittedWrites; // writes since the last commit or rollback, for the warning when dispose discards them
    private readonly Timer? _refreshTimer;

    private readonly Similarity _similarity;

    private ArabicSearchEngine(LuceneDirectory directory, ArabicSearchOptions options, string where)
    {
        _options = options;
        _similarity = new BM25Similarity(options.Bm25K1, options.Bm25B);
        _logger = options.LoggerFactory?.CreateLogger<ArabicSearchEngine>() ?? NullLogger<ArabicSearchEngine>.Instance;
        _recognizer = options.Gazetteer is null ? EntityRecognizer.Default : new EntityRecognizer(options.Gazetteer);
        _mapper = new DocumentMapper(_recognizer, options.TitleWeight);
        _translator = new QueryTranslator(_analyzer, _recognizer, options);
        _executor = new SearchExecutor(_translator, _mapper, _recognizer, options.MaxResultWindow);
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
        if (_logger.IsEnabled(LogLevel.Warning) && OlderAnalysisCount is > 0 and var older)
            EngineLog.OlderAnalysis(_logger, options.IndexPath ?? "(in memory)", older, Count, Analysis.ArabicAnalysis.Version);
        EngineMetrics.Track(this);
        if (options.RefreshInterval is { } every)
        {
            _refreshTimer = new Timer(_ => RefreshOnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _refreshTimer.Change(every, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The index, as logs and metrics name it.</summary>
    internal string Name => _options.IndexPath ?? "(in memory)";

    private void RefreshOnTimer()
    {
        if (_disposed != 0) return;
        try
        {
            Refresh();
        }
        catch (ObjectDisposedException)
        {
            return;
        }
#pragma warning disable CA1031 // a background refresh must not crash the process; the failure is logged and retried
        catch (Exception e)
        {
            EngineLog.RefreshFailed(_logger, Name, e);
        }
#pragma warning restore CA1031
        try { _refreshTimer?.Change(_options.RefreshInterval!.Value, Timeout.InfiniteTimeSpan); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>
    /// Shows searches the index as it is now: a read-only engine opens the latest commit another process made;
    /// a writable one shows its own uncommitted writes. Cheap when nothing changed. See also
    /// <see cref="ArabicSearchOptions.RefreshInterval"/>.
    /// </summary>
    /// <exception cref="IndexCorruptException">The new commit's files are damaged; searches keep the last snapshot.</exception>
    public void Refresh()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _index.Refresh();
        EngineMetrics.Refreshes.Add(1, new KeyValuePair<string, object?>("index", Name));
    }

    /// <summary>The stored article with <paramref name="id"/>, or null when there is none.</summary>
    public Article? Find(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return WithSearcher(s =>
        {
            var top = s.Search(new TermQuery(new Term(FieldNames.Id, id)), 1);
            return top.TotalHits == 0 ? null : DocumentMapper.ArticleOf(s.Doc(top.ScoreDocs[0].Doc));
        });
    }


    /// <summary>Opens (or creates) the on-disk index described by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid, or have no <see cref="ArabicSearchOptions.IndexPath"/>.</exception>
    /// <exception cref="IndexNotFoundException">There is no index and none may be created.</exception>
    /// <exception cref="IndexWriteException">The index folder cannot be created (a part of its path is a file, or
    /// permission is denied) or cannot be written (permission denied, a read-only file system); the message says which.</exception>
    /// <exception cref="IndexInUseException">Another writer holds the index.</exception>
    /// <exception cref="IndexCorruptException">The index's files are damaged.</exception>
    public static ArabicSearchEngine Open(ArabicSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.IndexPath is null) throw new ArgumentException("IndexPath is required; use CreateInMemory for an in-memory index.", nameof(options));
        var path = new DirectoryInfo(options.IndexPath);
        if (File.Exists(options.IndexPath) || (options.ReadOnly && !path.Exists)) throw IndexNotFoundException.Missing(options.IndexPath);
        if (!options.ReadOnly && options.CreateIfMissing && !path.Exists) CreateFolder(options.IndexPath);
        // NIOFSDirectory, not MMapDirectory: in Lucene.Net 4.8.0-beta00017 MMap is far slower under concurrent search and can crash.
        // Our lock factory, not Lucene.Net's NativeFSLockFactory: that one does not exclude other processes on Linux.
        // DurableNIOFSDirectory also fsyncs the folder on commit, as Java Lucene does and Lucene.Net 4.8 does not.
        try
        {
            return new ArabicSearchEngine(new DurableNIOFSDirectory(path, new ExclusiveFileLockFactory(path.FullName)), options, options.IndexPath);
        }
        catch (IndexInUseException e) when (NotWritable(options.IndexPath, e) is { } reason)
        {
            // The lock file could not be created or opened for a reason other than another holder: say so, rather
            // than send the user looking for a process that does not exist.
            throw new IndexWriteException($"The index folder '{options.IndexPath}' cannot be written: {reason}.", e);
        }
    }

    /// <summary>Creates the folder of a new index, or says clearly why it cannot be.</summary>
    private static void CreateFolder(string indexPath)
    {
        try
        {
            System.IO.Directory.CreateDirectory(indexPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string? fileInTheWay = FileAmongParents(indexPath);
            string reason = fileInTheWay is not null ? $"'{fileInTheWay}' is a file, not a folder"
                : e is UnauthorizedAccessException ? "permission denied"
                : e.Message;
            throw new IndexWriteException($"The index folder '{indexPath}' cannot be created: {reason}.", e);
        }
    }

    private static string? FileAmongParents(string indexPath)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(indexPath)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir)) return dir;
        return null;
    }

    /// <summary>Why the write lock failed when it is not held elsewhere (permission denied, a read-only file system), or null when it is held.</summary>
    private static string? NotWritable(string indexPath, Exception failure)
    {
        for (var e = failure.InnerException; e is not null; e = e.InnerException)
            if (e is UnauthorizedAccessException) return "permission denied";
        // Can a new file be made in the folder at all? If not, the lock was never held by anyone.
        try
        {
            using var probe = new FileStream(Path.Combine(indexPath, $".write-probe-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException e)
        {
            return e.Message;
        }
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

    /// <summary>
    /// Recovers a damaged index from its latest readable commit: copies the whole folder to a backup beside it
    /// (<c>DIR.backup-yyyyMMddTHHmmssZ</c>), then writes a new commit without the segments that fail the check.
    /// Their articles are lost from the index (see <see cref="IndexRepair.Dropped"/>); re-index them from their source.
    /// A healthy index is left unchanged.
    /// </summary>
    /// <exception cref="IndexInUseException">A writer holds the index.</exception>
    /// <exception cref="IndexCorruptException">No commit point can be read, so there is nothing to recover from; nothing is changed.</exception>
    public static IndexRepair Repair(string indexPath) => IndexRepairer.Repair(indexPath);

    /// <summary>The recognizer used for entities at index time and in entity queries.</summary>
    public EntityRecognizer Entities => _recognizer;

    /// <summary>Adds an article, replacing any article with the same id. Visible to searches at once; durable after <see cref="Commit"/>.</summary>
    /// <param name="article">The article: a non-blank <see cref="Article.Id"/>, a body of at most <see cref="Article.MaxBodyChars"/> characters, and no null text property.</param>
    /// <exception cref="ArgumentNullException"><paramref name="article"/> or one of its text properties (<c>article.Body</c>, <c>article.Title</c>, <c>article.Source</c>, <c>article.Url</c>, <c>article.Category</c>, <c>article.Author</c>) is null.</exception>
    /// <exception cref="ArgumentException">The id is empty or blank (<c>article.Id</c>), or the body is over <see cref="Article.MaxBodyChars"/> characters (<c>article.Body</c>).</exception>
    /// <exception cref="InvalidOperationException">The engine was opened <see cref="ArabicSearchOptions.ReadOnly"/>.</exception>
    /// <exception cref="IndexWriteException">Writing failed, now or earlier without a <see cref="Rollback"/> since; see <see cref="Rollback"/>.</exception>
    /// <exception cref="ObjectDisposedException">The engine was disposed.</exception>
    public void AddOrUpdate(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Validate(article);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        Guarded(() => _index.Update(new Term(FieldNames.Id, article.Id), _mapper.ToDocument(article)));
        Wrote(1);
    }

    private void Wrote(int documents)
    {
        Interlocked.Add(ref _uncommittedWrites, documents);
        EngineMetrics.DocumentsWritten.Add(documents, new KeyValuePair<string, object?>("index", Name));
    }

    /// <summary>Runs <paramref name="work"/>; a disposal under way meanwhile surfaces as our <see cref="ObjectDisposedException"/>, not Lucene's.</summary>
    private void Guarded(Action work)
    {
        try
        {
            work();
        }
        catch (ObjectDisposedException e) when (_disposed != 0 && e.ObjectName != GetType().FullName)
        {
            throw new ObjectDisposedException(GetType().FullName, $"The engine was disposed during the call ({e.Message})");
        }
    }

    /// <summary>
    /// Adds or updates many articles as one step: searches in this process and commits see all of them or none.
    /// Every article is validated before any is written.
    /// </summary>
    /// <param name="articles">The articles, each as <see cref="AddOrUpdate(Article)"/> takes it; the last of several with one id wins.</param>
    /// <exception cref="ArgumentNullException"><paramref name="articles"/>, an element or one of its text properties is null; the parameter is named as <c>articles[i].Body</c>.</exception>
    /// <exception cref="ArgumentException">An element's id is empty or blank, or its body is over <see cref="Article.MaxBodyChars"/> characters; named as <c>articles[i].Id</c>, <c>articles[i].Body</c>. Nothing was written.</exception>
    /// <exception cref="InvalidOperationException">The engine was opened <see cref="ArabicSearchOptions.ReadOnly"/>.</exception>
    /// <exception cref="IndexWriteException">Writing failed; see <see cref="Rollback"/>.</exception>
    /// <exception cref="ObjectDisposedException">The engine was disposed.</exception>
    public void AddOrUpdate(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var documents = new List<(Term, IEnumerable<IIndexableField>)>();
        int i = 0;
        foreach (var a in articles)
        {
            if (a is null) throw new ArgumentNullException($"{nameof(articles)}[{i}]");
            Validate(a, i++);
            documents.Add((new Term(FieldNames.Id, a.Id), _mapper.ToDocument(a)));
        }
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (documents.Count == 0) return;
        Guarded(() => _index.UpdateAll(documents));
        Wrote(documents.Count);
    }

    /// <summary>Deletes the article with <paramref name="id"/>, if any.</summary>
    public void Delete(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        Guarded(() => _index.Delete(new Term(FieldNames.Id, id)));
        Wrote(1);
    }

    /// <summary>Makes every write so far durable. When this returns, the writes survive a crash of the process.</summary>
    /// <exception cref="IndexWriteException">The commit failed (e.g. the disk is full); the index stays at its last commit.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        long pending = Interlocked.Exchange(ref _uncommittedWrites, 0);
        try
        {
            Guarded(_index.Commit);
        }
        catch
        {
            Interlocked.Add(ref _uncommittedWrites, pending);
            throw;
        }
        long elapsedMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        EngineLog.Committed(_logger, _options.IndexPath ?? "(in memory)", elapsedMs);
        EngineMetrics.Commits.Add(1, new KeyValuePair<string, object?>("index", Name));
    }

    /// <summary>
    /// Discards every uncommitted write (from every thread) and goes on from the last commit. After an
    /// <see cref="IndexWriteException"/>, call this to acknowledge the loss; writes and commits fail until then.
    /// </summary>
    /// <exception cref="IndexWriteException">The writer could not be reopened; searches still see the last commit.</exception>
    public void Rollback()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        Guarded(_index.Rollback);
        Interlocked.Exchange(ref _uncommittedWrites, 0);
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

    /// <summary>
    /// How many of the <see cref="Count"/> articles were indexed by an older version of the analysis than this release's
    /// (<see cref="Analysis.ArabicAnalysis.Version"/>), as searches see the index now: their words give the terms an
    /// older release made, so a query may find them differently (a spelling a newer release reads better, a reading it
    /// scores lower). Adding them again (<see cref="AddOrUpdate(Article)"/>, <c>arabicsearch index</c>) brings them up
    /// to date. 0 for an index this release wrote. Counted by one term query (about a millisecond on 31,525 articles).
    /// </summary>
    public int OlderAnalysisCount
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            _index.MaybeRefresh();
            return _index.Read(SearchExecutor.OlderAnalysis);
        }
    }

    /// <summary>
    /// The damage a search found in the index as searches see it now, or null. A search that reads damaged bytes throws
    /// <see cref="IndexCorruptException"/>; this keeps it for the health check (<c>AddHealthChecks().AddArabicSearch()</c>
    /// reports the engine unhealthy) until searches see another commit (after <see cref="Repair"/> or a new index).
    /// </summary>
    public IndexCorruptException? DamageFound
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            _index.MaybeRefresh();
            return _index.DamageFoundBySearches;
        }
    }

    /// <summary>Runs a search.</summary>
    /// <exception cref="InvalidQueryException">The request cannot be parsed or is out of bounds: <see cref="SearchRequest.Skip"/> +
    /// <see cref="SearchRequest.Top"/> over <see cref="ArabicSearchOptions.MaxResultWindow"/>, a negative count, an
    /// enum value that is not defined (<c>(SearchSort)99</c>), <see cref="SearchRequest.PhraseSlop"/> with an exact
    /// phrase, an empty entity, source or category name, a query over its size or cost budget, a cursor from another query.</exception>
    public SearchResults Search(SearchRequest request) => Search(request, CancellationToken.None);

    /// <summary>
    /// Runs a search that stops when <paramref name="cancellationToken"/> is cancelled (e.g. ASP.NET Core's
    /// <c>HttpContext.RequestAborted</c>): the collectors check it at every index segment and every 1,024 matches.
    /// </summary>
    /// <exception cref="InvalidQueryException">As for <see cref="Search(SearchRequest)"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before or during the search.</exception>
    public SearchResults Search(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        QueryTranslator.Validate(request, _options.MaxResultWindow);
        SearchCursor.Validate(request);
        var after = request.After is null ? null : SearchCursor.Decode(request.After, request);

        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        _index.MaybeRefresh();
        var results = _index.Read(searcher => _executor.Execute(searcher, request, after, cancellationToken));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        EngineMetrics.SearchDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("index", Name));
        if (elapsed > _options.SlowQueryThreshold && _logger.IsEnabled(LogLevel.Warning))
            EngineLog.SlowSearch(_logger, (long)elapsed.TotalMilliseconds, results.Total, request.ToString());
        return results;
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

    /// <summary>
    /// Refuses an article that cannot be indexed, naming the property as the caller wrote it: <c>article.Body</c>, or
    /// <c>articles[i].Body</c> in a batch (<paramref name="index"/> ≥ 0). The names are made only when refusing.
    /// </summary>
    private static void Validate(Article a, int index = -1)
    {
        string Name(string property) => index < 0 ? $"article.{property}" : $"articles[{index}].{property}";
        if (a.Id is null) throw new ArgumentNullException(Name("Id"), "An article needs a non-empty id.");
        if (string.IsNullOrWhiteSpace(a.Id)) throw new ArgumentException("An article needs a non-empty id.", Name("Id"));
        if (a.Body is null) throw new ArgumentNullException(Name("Body"), $"The body of article '{Shown(a.Id)}' is null; use \"\" for an article without one.");
        if (a.Body.Length > Article.MaxBodyChars)
            throw new ArgumentException($"The body of article '{Shown(a.Id)}' has {a.Body.Length:N0} characters; at most {Article.MaxBodyChars:N0} are allowed.", Name("Body"));
        if (a.Title is null) throw Null("Title");
        if (a.Source is null) throw Null("Source");
        if (a.Url is null) throw Null("Url");
        if (a.Category is null) throw Null("Category");
        if (a.Author is null) throw Null("Author");

        ArgumentNullException Null(string property) => new(Name(property), "Use \"\" for an empty value.");
        static string Shown(string id) => id.Length <= 80 ? id : id[..80] + "…";
    }

    /// <summary>Releases the index: rolls back uncommitted writes and frees the write lock.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _refreshTimer?.Dispose();
        EngineMetrics.Untrack(this);
        long discarded = Interlocked.Read(ref _uncommittedWrites);
        if (discarded > 0) EngineLog.DiscardedOnDispose(_logger, Name, discarded);
        _index.Dispose(); // rolls back; a writer whose rollback throws still has its lock cleared
        _analyzer.Dispose();
    }

    private sealed class Bm25SearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}
