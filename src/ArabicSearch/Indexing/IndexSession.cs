using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArabicSearch.Indexing;

/// <summary>
/// The Lucene side of one engine: its Directory, its one <see cref="IndexWriter"/> (none when read-only) and its
/// <see cref="SearcherManager"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>Failure policy. An I/O error while writing (a full disk, a failed fsync) may leave Lucene's writer holding a
/// half-flushed buffer, or close it. So any such error rolls the writer back to the last commit and opens a new one at
/// once: the files on disk only ever hold whole commits, and searches go on over the last commit. Writes and commits
/// then throw <see cref="IndexWriteException"/> until <see cref="Rollback"/> acknowledges the loss, so that no thread
/// can take a discarded write for a committed one.</para>
/// <para>Batches. <see cref="UpdateAll"/> holds a gate shared among writers; refreshing searchers and committing hold it
/// alone. So neither a search nor a commit ever sees half a batch.</para>
/// </remarks>
internal sealed class IndexSession : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly Func<IndexWriterConfig>? _newConfig; // null: read-only
    private readonly SearcherFactory _searcherFactory;
    private readonly string _where;
    private readonly object _swap = new();
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private volatile Generation? _current;
    private volatile Exception? _failure;
    private volatile Exception? _damageFoundByMerge;
    private volatile DamageFound? _damageFoundByRead; // the snapshot a search found damaged, until searches see another

    private sealed record DamageFound(IndexReader Reader, IndexCorruptException Damage);
    private long _written; // writes (single or batch) that returned
    private long _visible; // of those, how many the current searchers are known to hold
    private int _disposed;

    /// <summary>One writer and the searchers opened from it; replaced whole after a failure or a rollback.</summary>
    private sealed record Generation(IndexWriter? Writer, SearcherManager Searchers);

    private IndexSession(LuceneDirectory directory, Func<IndexWriterConfig>? newConfig, SearcherFactory searcherFactory, string where)
    {
        _directory = directory;
        _newConfig = newConfig;
        _searcherFactory = searcherFactory;
        _where = where;
    }

    /// <summary>Opens <paramref name="directory"/>; the session owns it from here on, also when opening throws.</summary>
    /// <param name="directory">The index's files.</param>
    /// <param name="newConfig">Makes a fresh writer configuration (Lucene forbids sharing one); null opens read-only.</param>
    /// <param name="searcherFactory">Makes the searchers.</param>
    /// <param name="where">The index, as messages name it.</param>
    /// <param name="createIfMissing">Create an empty index when the folder is empty or absent (writable only).</param>
    /// <param name="verifyChecksums">Read every file of the index once and check its checksum before returning.</param>
    /// <remarks>
    /// Every open checks the commit point and each file's header and footer (<see cref="IndexStructure"/>). A folder
    /// that holds index files but no readable commit point is damaged, not missing: it is never created over, since
    /// creating an index deletes the files the new commit does not name.
    /// </remarks>
    public static IndexSession Open(LuceneDirectory directory, Func<IndexWriterConfig>? newConfig, SearcherFactory searcherFactory,
        string where, bool createIfMissing, bool verifyChecksums)
    {
        var session = new IndexSession(directory, newConfig, searcherFactory, where);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                var files = ListAll(directory).Where(f => f != IndexWriter.WRITE_LOCK_NAME).Order(StringComparer.Ordinal).ToList();
                var indexFiles = files.Where(IndexStructure.IsIndexFile).ToList();
                if (indexFiles.Count > 0)
                    throw new IndexCorruptException($"The index at '{where}' is damaged: it holds {indexFiles.Count} index file(s) ({Sample(indexFiles)}) but no commit point (segments_N). Nothing was changed or deleted.");
                if (newConfig is null || !createIfMissing) throw new IndexNotFoundException($"No index at '{where}'.");
                if (files.Count > 0)
                    throw new IndexNotFoundException($"No index at '{where}', and the folder is not empty ({Sample(files)}): an index is created only in an empty or absent folder.");
            }
            else
            {
                IndexStructure.Check(directory);
            }
            session._current = newConfig is null ? session.OpenReadOnlyGeneration() : session.OpenWriterGeneration();
            if (verifyChecksums) session.Read(VerifyChecksums);
            return session;
        }
        catch (LockObtainFailedException e)
        {
            session.Dispose();
            throw new IndexInUseException($"The index at '{where}' is in use by another process (its write lock is held).", e);
        }
        catch (Exception e) when (IsCorruption(e))
        {
            session.Dispose();
            throw Corrupt(where, e);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static string[] ListAll(LuceneDirectory directory)
    {
        try { return directory.ListAll(); }
        catch (DirectoryNotFoundException) { return []; } // an absent folder: created with the index
    }

    private static string Sample(List<string> files) =>
        string.Join(", ", files.Take(3)) + (files.Count > 3 ? ", …" : "");

    private static bool VerifyChecksums(IndexSearcher searcher)
    {
        foreach (var leaf in searcher.IndexReader.Leaves) leaf.AtomicReader.CheckIntegrity();
        return true;
    }

    /// <summary>Whether Lucene's exception means the index's files are damaged.</summary>
    /// <remarks>
    /// Lucene.Net 4.8.0-beta00017 deviates from Java here: a checksum mismatch is a plain <see cref="IOException"/>
    /// ("checksum failed"), and a damaged codec name in segments_N an <see cref="ArgumentException"/> ("Codec ... cannot
    /// be loaded"), so those are recognized by their messages. A file the commit names that is gone
    /// (<see cref="FileNotFoundException"/>) is damage too: readers only ever open files of a commit they hold.
    /// </remarks>
    internal static bool IsCorruption(Exception e) =>
        e is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException or FileNotFoundException
        || (e is IOException && e.Message.Contains("checksum failed", StringComparison.Ordinal))
        || (e is ArgumentException && e.Message.StartsWith("Codec '", StringComparison.Ordinal) && e.Message.Contains("cannot be loaded", StringComparison.Ordinal));

    private IndexCorruptException Remember(IndexSearcher searcher, IndexCorruptException damage)
    {
        _damageFoundByRead = new DamageFound(searcher.IndexReader, damage);
        return damage;
    }

    /// <summary>
    /// The damage a search found in the snapshot searches see now (a health check reports it), or null: none was
    /// found, or searches have moved to another snapshot since (after a repair and a new commit).
    /// </summary>
    public IndexCorruptException? DamageFoundBySearches
    {
        get
        {
            if (_damageFoundByRead is not { } found) return null;
            try
            {
                return Read(s => ReferenceEquals(s.IndexReader, found.Reader)) ? found.Damage : null;
            }
            catch (IndexCorruptException e)
            {
                return e;
            }
        }
    }

    /// <summary>Whether a failure while reading may come from damaged files: anything but our own errors, cancellation and disposal.</summary>
    private static bool MayBeDamage(Exception e) =>
        e is not (ArabicSearchException or OperationCanceledException or ObjectDisposedException or OutOfMemoryException or InsufficientExecutionStackException);

    /// <summary>The first checksum failure among the segments <paramref name="searcher"/> reads (a whole read of each file), or null.</summary>
    private static Exception? FindDamage(IndexSearcher searcher)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            try
            {
                leaf.AtomicReader.CheckIntegrity();
            }
            catch (Exception e) when (IsCorruption(e) || e is IOException)
            {
                return e;
            }
        }
        return null;
    }

    internal static IndexCorruptException Corrupt(string where, Exception e) => e switch
    {
        IndexCorruptException already => already,
        FileNotFoundException missing => new($"The index at '{where}' is damaged: {Path.GetFileName(missing.FileName ?? FirstLine(missing.Message))} is missing.", e),
        EndOfStreamException => new($"The index at '{where}' is damaged: a file ends early ({FirstLine(e.Message)}).", e),
        ArgumentException => new($"The index at '{where}' is damaged: its commit point names a codec that does not exist ({FirstSentence(e.Message)}).", e),
        _ => new($"The index at '{where}' is damaged: {FirstLine(e.Message)}.", e),
    };

    /// <summary>Adds or replaces one document.</summary>
    public void Update(Term id, IEnumerable<IIndexableField> document)
    {
        Write(w => w.UpdateDocument(id, document), "Adding an article");
        Interlocked.Increment(ref _written);
    }

    /// <summary>Adds or replaces several documents as one step that searches and commits see whole or not at all.</summary>
    public void UpdateAll(IReadOnlyList<(Term Id, IEnumerable<IIndexableField> Document)> documents)
    {
        var generation = WritableGeneration();
        _gate.EnterReadLock();
        try
        {
            Write(generation, w => { foreach (var (id, document) in documents) w.UpdateDocument(id, document); }, "Adding articles");
            Interlocked.Increment(ref _written);
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>Deletes the documents with this id.</summary>
    public void Delete(Term id)
    {
        Write(w => w.DeleteDocuments(id), "Deleting an article");
        Interlocked.Increment(ref _written);
    }

    /// <summary>Makes every write so far durable, then shows it to searches.</summary>
    /// <exception cref="IndexCorruptException">A background merge found a damaged segment; nothing more is committed.</exception>
    public void Commit()
    {
        if (_damageFoundByMerge is { } damage) throw Corrupt(_where, damage);
        var generation = WritableGeneration();
        _gate.EnterWriteLock();
        try
        {
            long covered = Interlocked.Read(ref _written);
            Write(generation, w => w.Commit(), "Committing");
            try
            {
                generation.Searchers.MaybeRefreshBlocking();
                MarkVisible(covered);
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                throw new IndexWriteException($"The commit is durable, but refreshing searches after it failed: {FirstLine(e.Message)}.", Fail(generation, e));
            }
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    /// <summary>Discards every uncommitted write (from every thread), reopens the writer and clears an earlier failure.</summary>
    public void Rollback()
    {
        lock (_swap)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_newConfig is null) throw new InvalidOperationException("The engine was opened read-only.");
            var old = _current;
            if (old?.Writer is not null) DiscardWriter(old.Writer);
            try
            {
                Replace(old, OpenWriterGeneration());
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                Replace(old, TryOpenReadOnlyGeneration());
                _failure ??= e;
                throw new IndexWriteException($"Rolling back the index at '{_where}' failed: the writer could not be reopened ({FirstLine(e.Message)}). Searches see the last commit; call Rollback() again once the cause is fixed.", e);
            }
            _failure = null;
        }
    }

    /// <summary>
    /// Shows every write that returned before this call to searches. Waits for a batch or a commit under way on another
    /// thread (searches never see half a batch), but only when there is a write the current searcher misses.
    /// </summary>
    /// <remarks>
    /// Lucene's non-blocking <c>SearcherManager.MaybeRefresh</c> returns at once when another thread is refreshing, and
    /// that refresh may have started before this thread's write; so a writer thread's own search could miss its write.
    /// Counting the writes that returned and the writes the searcher is known to hold closes that gap.
    /// </remarks>
    public void MaybeRefresh()
    {
        var generation = _current;
        if (generation?.Writer is null) return;
        long wanted = Interlocked.Read(ref _written);
        if (Interlocked.Read(ref _visible) >= wanted) return;
        _gate.EnterWriteLock();
        try
        {
            if (Interlocked.Read(ref _visible) >= wanted) return; // another thread's refresh covered it meanwhile
            long covered = Interlocked.Read(ref _written); // no write is in a batch now; single writes that returned are in
            generation.Searchers.MaybeRefreshBlocking();
            MarkVisible(covered);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            // Opening a near-real-time reader flushes; if that fails the writer is rolled back and the next write or commit says so.
            Fail(generation, e);
        }
        catch (ObjectDisposedException) when (_disposed == 0)
        {
            // Replaced by a rollback meanwhile: the new searchers are fresh.
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Read-only: opens the index's latest commit, if it changed (waits for a refresh under way). Writable: as
    /// <see cref="MaybeRefresh"/>.
    /// </summary>
    public void Refresh()
    {
        var generation = _current;
        if (generation is null) return;
        if (generation.Writer is not null)
        {
            MaybeRefresh();
            return;
        }
        try
        {
            generation.Searchers.MaybeRefreshBlocking();
        }
        catch (Exception e) when (IsCorruption(e))
        {
            throw Corrupt(_where, e);
        }
    }

    private void MarkVisible(long covered)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _visible)) < covered && Interlocked.CompareExchange(ref _visible, covered, seen) != seen) { }
    }

    /// <summary>Runs <paramref name="read"/> on the current searcher.</summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        for (int attempt = 0; ; attempt++)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            var generation = _current ?? throw new ArabicSearchException($"The index at '{_where}' cannot be read after an earlier failure: {FirstLine(_failure?.Message ?? "unknown cause")}.", _failure);
            IndexSearcher searcher;
            try
            {
                searcher = generation.Searchers.Acquire();
            }
            catch (ObjectDisposedException) when (attempt < 100 && _disposed == 0)
            {
                Thread.Yield();
                continue; // replaced under us by a rollback: take the new one
            }
            try
            {
                return read(searcher);
            }
            catch (Exception e) when (IsCorruption(e))
            {
                throw Remember(searcher, Corrupt(_where, e));
            }
            catch (Exception e) when (MayBeDamage(e))
            {
                // Lucene decoding damaged bytes fails in many ways (an index out of range, a negative length…) before
                // any checksum is read. Check the checksums of what this search read: damage found is reported as
                // damage; if every file is whole, the failure is a bug and goes up as it is.
                if (FindDamage(searcher) is { } damage) throw Remember(searcher, Corrupt(_where, damage));
                throw;
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
    }

    private void Write(Action<IndexWriter> write, string what) => Write(WritableGeneration(), write, what);

    private void Write(Generation generation, Action<IndexWriter> write, string what)
    {
        try
        {
            write(generation.Writer!);
        }
        catch (Exception e) when (IsWriteFailure(e) || (e is ObjectDisposedException && _disposed == 0))
        {
            var cause = Fail(generation, e);
            throw new IndexWriteException(ReferenceEquals(cause, e)
                ? $"{what} failed: {FirstLine(e.Message)}. The index is back at its last commit: every uncommitted write was discarded. Call Rollback() to acknowledge, then write again."
                : $"{what} failed: the index was rolled back meanwhile ({FirstLine(cause.Message)}); every uncommitted write was discarded. Call Rollback() to acknowledge, then write again.", e);
        }
    }

    /// <summary>Records a failure of <paramref name="generation"/> and replaces it, once; returns the failure on record.</summary>
    private Exception Fail(Generation generation, Exception e)
    {
        lock (_swap)
        {
            if (ReferenceEquals(_current, generation))
            {
                _failure ??= e;
                if (generation.Writer is not null) DiscardWriter(generation.Writer);
                try
                {
                    Replace(generation, OpenWriterGeneration());
                }
                catch (Exception reopen) when (IsWriteFailure(reopen))
                {
                    Replace(generation, TryOpenReadOnlyGeneration()); // writes wait for Rollback()
                }
            }
            return _failure ?? new IndexWriteException("The index was rolled back.");
        }
    }

    private Generation WritableGeneration()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_newConfig is null) throw new InvalidOperationException("The engine was opened read-only.");
        if (_failure is { } failure)
            throw new IndexWriteException($"An earlier write to the index at '{_where}' failed ({FirstLine(failure.Message)}) and every uncommitted write was discarded. Call Rollback() to acknowledge, then write again.", failure);
        var generation = _current;
        if (generation?.Writer is null) throw new IndexWriteException($"The index at '{_where}' has no open writer; call Rollback() to reopen it.");
        return generation;
    }

    private Generation OpenWriterGeneration()
    {
        var config = _newConfig!();
        // Never CREATE over files that are there: Open refuses a folder with index files but no commit point, and a
        // commit that vanished since then makes APPEND fail instead of deleting what is left.
        config.OpenMode = DirectoryReader.IndexExists(_directory) ? OpenMode.APPEND : OpenMode.CREATE;
        config.CheckIntegrityAtMerge = true; // merges verify the checksums of the segments they read
        config.MergeScheduler = new ReportingMergeScheduler(this);
        var writer = new IndexWriter(_directory, config);
        try
        {
            if (!DirectoryReader.IndexExists(_directory)) writer.Commit(); // an empty index readers can open
            return new Generation(writer, new SearcherManager(writer, true, _searcherFactory));
        }
        catch
        {
            DiscardWriter(writer);
            throw;
        }
    }

    private Generation OpenReadOnlyGeneration() => new(null, new SearcherManager(_directory, _searcherFactory));

    private Generation? TryOpenReadOnlyGeneration()
    {
        try { return OpenReadOnlyGeneration(); }
        catch (Exception e) when (IsWriteFailure(e)) { return null; }
    }

    /// <summary>
    /// Makes <paramref name="next"/> current, then closes the old searchers. Until then searches go on over the old
    /// snapshot, so a search never finds no index during a rollback. Call with <c>_swap</c> held.
    /// </summary>
    private void Replace(Generation? old, Generation? next)
    {
        _current = next;
        if (old is not null)
        {
            try { old.Searchers.Dispose(); }
            catch (IOException) { } // searches in flight keep their own references
        }
    }

    private void Discard(Generation generation)
    {
        try { generation.Searchers.Dispose(); }
        catch (IOException) { } // searches in flight keep their own references
        if (generation.Writer is not null) DiscardWriter(generation.Writer);
    }

    private void DiscardWriter(IndexWriter writer)
    {
        try
        {
            writer.Rollback();
        }
#pragma warning disable CA1031 // a writer whose rollback throws is broken whatever the cause; what matters is its lock
        catch (Exception)
#pragma warning restore CA1031
        {
            // Lucene.Net only clears locks this process holds, so this cannot break another process's lock.
            try { if (IndexWriter.IsLocked(_directory)) IndexWriter.Unlock(_directory); }
            catch (IOException) { }
        }
    }

    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return FirstLine(end < 0 ? message : message[..end]);
    }

    private static string FirstLine(string message)
    {
        int nl = message.IndexOfAny(['\r', '\n']);
        return (nl < 0 ? message : message[..nl]).Trim().TrimEnd('.');
    }

    /// <summary>
    /// Lucene.Net's merge scheduler, except that a failed merge is recorded instead of thrown on the merge thread.
    /// </summary>
    /// <remarks>
    /// Deviation from Lucene.Net 4.8.0-beta00017: its <c>HandleMergeException</c> throws on the merge thread, which in
    /// .NET ends the process. A merge that finds damage (a checksum, with <c>CheckIntegrityAtMerge</c>) makes every
    /// later commit fail with <see cref="IndexCorruptException"/>; other merge failures (a full disk) are left to
    /// Lucene, which removes the partial files and merges again later.
    /// </remarks>
    private sealed class ReportingMergeScheduler(IndexSession session) : ConcurrentMergeScheduler
    {
        protected override void HandleMergeException(Exception exc)
        {
            var cause = exc is MergePolicy.MergeException { InnerException: { } inner } ? inner : exc;
            if (IsCorruption(cause)) session._damageFoundByMerge ??= cause;
            Thread.Sleep(250); // as Lucene does: a lasting cause would otherwise fail merge after merge at full speed
        }
    }

    /// <summary>Rolls back uncommitted writes and releases the write lock and the directory.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        lock (_swap)
        {
            var generation = _current;
            _current = null;
            if (generation is not null) Discard(generation);
        }
        _gate.Dispose();
        _directory.Dispose();
    }
}
