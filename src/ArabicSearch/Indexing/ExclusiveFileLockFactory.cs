using Lucene.Net.Store;
using Lock = Lucene.Net.Store.Lock;

namespace ArabicSearch.Indexing;

/// <summary>
/// Index locks held as an exclusive OS lock on the lock file, which the OS frees when the process dies.
/// </summary>
/// <remarks>
/// Deviation from Lucene.Net: its <see cref="NativeFSLockFactory"/> (4.8.0-beta00017) opens <c>write.lock</c> with
/// <see cref="FileShare.Read"/>, which .NET on Linux and macOS maps to a shared <c>flock</c>; two processes then both
/// "hold" the write lock and can corrupt the index (our LockingTests caught this). Here the file is opened with
/// <see cref="FileShare.None"/>, an exclusive <c>flock</c>: a second process (or a second engine in this process) fails
/// to obtain it, and a killed process leaves only a harmless file behind. The file is never deleted on release:
/// deleting a locked file lets a third process lock a new file of the same name while the old holder runs on.
/// </remarks>
internal sealed class ExclusiveFileLockFactory : LockFactory
{
    private readonly string _folder;
    private readonly Dictionary<string, FileLock> _locks = new(StringComparer.Ordinal);

    public ExclusiveFileLockFactory(string folder) => _folder = folder;

    // The lock file is always in the index folder, so Lucene's LockPrefix (for folders shared by several indexes) is not
    // used: the lock stays plain write.lock. One instance per name, so that IndexWriter.IsLocked/Unlock on this directory see the lock its writer holds.
    public override Lock MakeLock(string lockName)
    {
        lock (_locks)
        {
            if (!_locks.TryGetValue(lockName, out var l)) _locks[lockName] = l = new FileLock(Path.Combine(_folder, lockName));
            return l;
        }
    }

    public override void ClearLock(string lockName)
    {
        FileLock? held;
        lock (_locks) _locks.TryGetValue(lockName, out held);
        held?.Dispose(); // releases only what this factory holds; another process's lock is untouched
    }

    private sealed class FileLock(string path) : Lock
    {
        private FileStream? _held;

        public override bool Obtain()
        {
            lock (this)
            {
                FailureReason = null;
                if (_held is not null) return false;
                try
                {
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    _held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                    return true;
                }
                catch (IOException e)
                {
                    FailureReason = e; // held elsewhere (or the folder cannot be written)
                    return false;
                }
                catch (UnauthorizedAccessException e)
                {
                    FailureReason = e;
                    return false;
                }
            }
        }

        public override bool IsLocked()
        {
            lock (this)
            {
                if (_held is not null) return true;
                if (!File.Exists(path)) return false;
                try
                {
                    using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                    return false;
                }
                catch (FileNotFoundException)
                {
                    return false;
                }
                catch (IOException)
                {
                    return true;
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            lock (this)
            {
                _held?.Dispose();
                _held = null;
            }
        }

        public override string ToString() => $"ExclusiveFileLock@{path}";
    }
}
