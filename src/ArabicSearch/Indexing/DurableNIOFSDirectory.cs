using System.Runtime.InteropServices;
using Lucene.Net.Store;

namespace ArabicSearch.Indexing;

/// <summary>
/// <see cref="NIOFSDirectory"/> that also fsyncs the folder when Lucene syncs a commit, and reads with positional reads
/// (<see cref="PositionalFileInput"/>).
/// </summary>
/// <remarks>
/// Deviations from Lucene.Net: in 4.8.0-beta00017 each file is flushed to disk when it closes, and
/// <c>FSDirectory.Sync</c> does nothing. Java Lucene 4.8 also fsyncs the folder, so that the directory entries of new files
/// (above all <c>segments_N</c>) survive a power cut; this restores that step on Linux and macOS. Windows has no
/// directory fsync, and NTFS journals its metadata. Reads go through <see cref="PositionalFileInput"/> rather than
/// Lucene.Net's <c>NIOFSIndexInput</c>, which locks, seeks and checks the file's length on every 1 KB refill.
/// </remarks>
internal sealed class DurableNIOFSDirectory : NIOFSDirectory
{
    private readonly string _path;

    public DurableNIOFSDirectory(DirectoryInfo path, LockFactory lockFactory) : base(path, lockFactory) => _path = path.FullName;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        return PositionalFileInput.Open(Path.Combine(_path, name), name, context);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new PositionalFileInput.Slicer(Path.Combine(_path, name), context);
    }

    public override void Sync(ICollection<string> names)
    {
        base.Sync(names);
        if (names.Count > 0) SyncFolder(_path);
    }

    /// <summary>fsyncs a folder's metadata (Linux, macOS); does nothing elsewhere.</summary>
    internal static void SyncFolder(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        int fd = Open(path, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"Cannot open the index folder '{path}' to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                // EINVAL: the file system does not support fsync on a folder (some FUSE and network file systems).
                if (errno != 22) throw new IOException($"fsync of the index folder '{path}' failed (errno {errno}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling would need AllowUnsafeBlocks for three int calls.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
