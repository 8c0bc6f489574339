using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace ArabicSearch.Indexing;

/// <summary>
/// A buffered index input that reads with one positional read (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// <c>pread</c>) per refill, shared by its clones and by the slices of a compound file, as Java Lucene's NIOFSDirectory
/// reads with <c>FileChannel.read(buffer, position)</c>.
/// </summary>
/// <remarks>
/// Deviation from Lucene.Net: 4.8.0-beta00017's <c>NIOFSIndexInput</c> reads through a buffered <see cref="FileStream"/>
/// under a lock, with a seek, a length check (an <c>fstat</c>) and a copy out of the stream's own buffer per refill; in a
/// profile of entity queries that was a fifth of the time (each of the 10 hits' stored fields is read in 1 KB refills).
/// This input reads the same bytes with none of that, and stored-fields data (<c>.fdt</c>) with a 16 KB buffer, the
/// size of one compressed chunk, so a document is usually one read. Thread-safe as Lucene requires: each clone has its
/// own buffer and position, and positional reads share no file position.
/// </remarks>
internal sealed class PositionalFileInput : BufferedIndexInput
{
    /// <summary>The buffer of stored-fields data: Lucene 4.1's stored fields compress 16 KB chunks.</summary>
    internal const int StoredFieldsBufferSize = 16 * 1024;

    private readonly SafeFileHandle _handle;
    private readonly long _offset;
    private readonly long _length;
    private readonly bool _ownsHandle;
    private bool _isClone;
    private int _disposed;

    private PositionalFileInput(string description, SafeFileHandle handle, long offset, long length, int bufferSize, bool ownsHandle)
        : base(description, bufferSize)
    {
        _handle = handle;
        _offset = offset;
        _length = length;
        _ownsHandle = ownsHandle;
    }

    /// <summary>Opens <paramref name="path"/> (named <paramref name="name"/> in its directory) for reading.</summary>
    public static PositionalFileInput Open(string path, string name, IOContext context)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            return new PositionalFileInput($"PositionalFileInput(path=\"{path}\")", handle, 0, RandomAccess.GetLength(handle), BufferSizeOf(name, context), ownsHandle: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The buffer size for the file <paramref name="name"/>: 16 KB for stored-fields data, else Lucene's for <paramref name="context"/>.</summary>
    internal static int BufferSizeOf(string name, IOContext context)
    {
        int size = GetBufferSize(context);
        return name.EndsWith(".fdt", StringComparison.Ordinal) ? Math.Max(size, StoredFieldsBufferSize) : size;
    }

    public override long Length => _length;

    protected override void ReadInternal(byte[] b, int offset, int length)
    {
        long position = Position;
        if (position + length > _length) throw new EndOfStreamException($"read past EOF: {this}");
        long at = _offset + position;
        var into = b.AsSpan(offset, length);
        try
        {
            while (into.Length > 0)
            {
                int read = RandomAccess.Read(_handle, into, at);
                if (read <= 0) throw new EndOfStreamException($"read past EOF: {this} (at {at}, {into.Length} bytes left, end {_offset + _length})");
                at += read;
                into = into[read..];
            }
        }
        catch (IOException e) when (e is not EndOfStreamException)
        {
            throw new IOException($"{e.Message}: {this}", e);
        }
    }

    protected override void SeekInternal(long pos)
    {
        // Nothing to do: every read says where it reads.
    }

    public override object Clone()
    {
        var clone = (PositionalFileInput)base.Clone();
        clone._isClone = true;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (disposing && _ownsHandle && !_isClone) _handle.Dispose();
    }

    /// <summary>Opens slices of one file (a compound file's parts) over one shared handle.</summary>
    internal sealed class Slicer : Lucene.Net.Store.Directory.IndexInputSlicer
    {
        private readonly SafeFileHandle _handle;
        private readonly string _path;
        private readonly IOContext _context;
        private int _disposed;

        public Slicer(string path, IOContext context)
        {
            _path = path;
            _context = context;
            _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalFileInput($"PositionalFileInput({sliceDescription} in path=\"{_path}\" slice={offset}:{offset + length})",
                _handle, offset, length, BufferSizeOf(sliceDescription, _context), ownsHandle: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(_handle));

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            if (disposing) _handle.Dispose();
        }
    }
}
