using System.Buffers.Binary;
using System.IO.Compression;

namespace ArabicSearch.Ingestion;

/// <summary>A gzip file that ends without its trailer: it was cut short (a partial download, a full disk).</summary>
internal sealed class TruncatedInputException(string message) : IOException(message);

/// <summary>
/// Decompresses a gzip file and, at its end, checks that the file really ended there: .NET's <see cref="GZipStream"/>
/// checks the trailer's CRC when there is a trailer, but a file cut short just ends, silently, and half a collection
/// would be imported as if whole.
/// </summary>
/// <remarks>
/// The check: the trailer's last four bytes (ISIZE, the decompressed size modulo 2^32) must equal the bytes
/// decompressed. A cut file ends in compressed data instead, which matches by chance once in 2^32. Deviation: a
/// multi-member gzip (several .gz files concatenated) carries the size of its last member only, so it is reported as
/// cut; decompress and recompress it as one member.
/// </remarks>
internal sealed class GzipInput : Stream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private long _decompressed;
    private bool _checked;

    public GzipInput(FileStream file)
    {
        _file = file;
        _gzip = new GZipStream(file, CompressionMode.Decompress);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = _gzip.Read(buffer);
        if (n > 0) { _decompressed += n; return n; }
        if (!_checked && buffer.Length > 0)
        {
            _checked = true;
            CheckTrailer();
        }
        return 0;
    }

    private void CheckTrailer()
    {
        long length = RandomAccess.GetLength(_file.SafeFileHandle);
        Span<byte> size = stackalloc byte[4];
        // Header (10 bytes) and trailer (8 bytes) are the least a gzip member holds.
        if (length < 18 || RandomAccess.Read(_file.SafeFileHandle, size, length - 4) != 4)
            throw new TruncatedInputException($"the gzip file ends early ({length} bytes, less than a header and a trailer)");
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(size);
        if (expected != (uint)_decompressed)
            throw new TruncatedInputException($"the gzip file ends early: no intact trailer after {_decompressed:N0} decompressed bytes");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose(); // closes the file
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
