using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// Wraps a Lucene directory and fails on cue: the Nth file creation, the Nth sync or the Nth write from now (each
/// once), or every write beyond a disk capacity until space is freed. Thread-safe.
/// </summary>
internal sealed class FaultyDirectory : FilterDirectory
{
    private readonly object _gate = new();
    private long _creates, _syncs, _writes, _bytes;
    private long? _failCreate, _failSync, _failWrite, _capacity;

    public FaultyDirectory(LuceneDirectory inner) : base(inner) { }

    /// <summary>The directory underneath, to read the index as a fresh process would.</summary>
    public LuceneDirectory Inner => m_input;

    /// <summary>How many faults were thrown so far.</summary>
    public int Faults { get; private set; }

    public void FailNthCreate(int n) { lock (_gate) _failCreate = _creates + n; }
    public void FailNthSync(int n) { lock (_gate) _failSync = _syncs + n; }
    public void FailNthWrite(int n) { lock (_gate) _failWrite = _writes + n; }

    /// <summary>Leaves <paramref name="bytes"/> bytes of room; every write beyond them fails as a full disk does.</summary>
    public void FillDiskLeaving(long bytes) { lock (_gate) _capacity = _bytes + bytes; }

    /// <summary>Clears every fault and frees the disk.</summary>
    public void Heal() { lock (_gate) _failCreate = _failSync = _failWrite = _capacity = null; }

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        lock (_gate)
        {
            if (++_creates == _failCreate) throw Fault($"simulated failure creating {name}");
            if (_bytes >= _capacity) throw DiskFull(name);
        }
        return new FaultyOutput(this, base.CreateOutput(name, context), name);
    }

    public override void Sync(ICollection<string> names)
    {
        lock (_gate)
        {
            if (++_syncs == _failSync) throw Fault($"simulated fsync failure ({string.Join(", ", names)})");
        }
        base.Sync(names);
    }

    private void BeforeWrite(string name, int count)
    {
        lock (_gate)
        {
            if (++_writes == _failWrite) throw Fault($"simulated write error in {name}");
            if (_bytes + count > _capacity) throw DiskFull(name);
            _bytes += count;
        }
    }

    private IOException Fault(string message)
    {
        Faults++;
        return new IOException(message);
    }

    private IOException DiskFull(string name)
    {
        Faults++;
        return new IOException($"No space left on device (simulated) writing {name}", 28);
    }

    private sealed class FaultyOutput(FaultyDirectory owner, IndexOutput inner, string name) : IndexOutput
    {
        public override void WriteByte(byte b)
        {
            owner.BeforeWrite(name, 1);
            inner.WriteByte(b);
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            owner.BeforeWrite(name, length);
            inner.WriteBytes(b, offset, length);
        }

        public override void Flush() => inner.Flush();

        public override long Position => inner.Position;

        public override long Checksum => inner.Checksum;

        public override long Length { get => inner.Length; set => inner.Length = value; }

        [Obsolete("Lucene marks Seek obsolete; forwarded for completeness.")]
        public override void Seek(long pos) => inner.Seek(pos);

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
        }
    }
}
