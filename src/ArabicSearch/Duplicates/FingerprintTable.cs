namespace ArabicSearch.Duplicates;

/// <summary>The fingerprints of many articles in flat arrays, row <c>i</c> for article <c>i</c>, for banding.</summary>
internal sealed class FingerprintTable
{
    /// <summary>Marks an article without a publication date in <see cref="DayOf"/>.</summary>
    public const int Undated = int.MinValue;

    private int _count;
    private uint[] _shingles;
    private uint[] _words;
    private int[] _days;
    private int[] _keys;

    public FingerprintTable(int capacity = 64)
    {
        capacity = Math.Max(1, capacity);
        _shingles = new uint[capacity * Fingerprint.ShingleHashCount];
        _words = new uint[capacity * Fingerprint.WordHashCount];
        _days = new int[capacity];
        _keys = new int[capacity];
    }

    public int Count => _count;

    /// <summary>The caller's key of row <paramref name="row"/> (e.g. a Lucene doc id).</summary>
    public int KeyOf(int row) => _keys[row];

    /// <summary>Days since 1970-01-01, or <see cref="Undated"/>.</summary>
    public int DayOf(int row) => _days[row];

    public ReadOnlySpan<uint> ShinglesOf(int row) => _shingles.AsSpan(row * Fingerprint.ShingleHashCount, Fingerprint.ShingleHashCount);

    public ReadOnlySpan<uint> WordsOf(int row) => _words.AsSpan(row * Fingerprint.WordHashCount, Fingerprint.WordHashCount);

    /// <summary>Adds a row from stored fingerprint bytes; false (nothing added) when they are missing, stale or empty.</summary>
    public bool TryAdd(int key, ReadOnlySpan<byte> bytes, int day)
    {
        Grow();
        if (!Fingerprint.TryRead(bytes, _shingles.AsSpan(_count * Fingerprint.ShingleHashCount, Fingerprint.ShingleHashCount),
                _words.AsSpan(_count * Fingerprint.WordHashCount, Fingerprint.WordHashCount), out int shingleCount, out _)
            || shingleCount == 0)
            return false;
        _days[_count] = day;
        _keys[_count] = key;
        _count++;
        return true;
    }

    /// <summary>Adds a computed fingerprint; false when the text had no words.</summary>
    public bool TryAdd(int key, Fingerprint fingerprint, int day) => TryAdd(key, fingerprint.ToBytes(), day);

    private void Grow()
    {
        if (_count < _days.Length) return;
        int capacity = _days.Length * 2;
        Array.Resize(ref _shingles, capacity * Fingerprint.ShingleHashCount);
        Array.Resize(ref _words, capacity * Fingerprint.WordHashCount);
        Array.Resize(ref _days, capacity);
        Array.Resize(ref _keys, capacity);
    }
}
