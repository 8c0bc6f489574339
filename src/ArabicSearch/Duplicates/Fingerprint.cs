using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ArabicSearch.Analysis;

namespace ArabicSearch.Duplicates;

/// <summary>
/// The MinHash fingerprint of an article's text, stored per article at index time.
/// <list type="bullet">
/// <item><see cref="Shingles"/>: 128 minimums over the 3-word shingles of the exact view (normalized words without
/// stopwords). Equal positions estimate the Jaccard similarity of the shingle sets: near-duplicates.</item>
/// <item><see cref="Words"/>: 64 minimums over the set of stemmed content words. Equal positions estimate the Jaccard
/// similarity of the vocabularies: articles about the same thing in different words.</item>
/// </list>
/// Stored as b-bit MinHash (Li and König, 2010) with b = 16: the low 16 bits of each minimum, 393 bytes an article
/// instead of 777. Two different minimums then agree by chance with probability 2^-16, which changes a Jaccard estimate
/// by at most 0.00002. Every comparison reads the stored form (<see cref="TryRead"/>), so all values compared have 16 bits.
/// </summary>
internal sealed class Fingerprint
{
    /// <summary>Bump when words, hashes or layout change: fingerprints of another version are ignored.</summary>
    public const byte FormatVersion = 2;
    public const int ShingleSize = 3;
    public const int ShingleHashCount = 128;
    public const int WordHashCount = 64;
    /// <summary>The stored length: version, two counts, then 16 bits per minimum.</summary>
    public const int ByteLength = 1 + 4 + 4 + 2 * (ShingleHashCount + WordHashCount);

    /// <summary>Version 1 (indexes written before issue 16) kept 32 bits per minimum; it is still read, as its low 16 bits.</summary>
    private const byte Version1 = 1;
    private const int Version1Length = 1 + 4 + 4 + 4 * (ShingleHashCount + WordHashCount);

    /// <summary>The bits of each minimum that are stored and compared.</summary>
    public const uint StoredBits = 0xFFFF;

    public Fingerprint(uint[] shingles, uint[] words, int shingleCount, int wordCount)
    {
        Shingles = shingles;
        Words = words;
        ShingleCount = shingleCount;
        WordCount = wordCount;
    }

    public uint[] Shingles { get; }
    public uint[] Words { get; }

    /// <summary>How many shingles the text has (with repeats).</summary>
    public int ShingleCount { get; }

    /// <summary>How many distinct-or-not content words the text has (with repeats).</summary>
    public int WordCount { get; }

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), ShingleCount);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(5), WordCount);
        int at = 9;
        foreach (uint v in Shingles) { BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), (ushort)v); at += 2; }
        foreach (uint v in Words) { BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), (ushort)v); at += 2; }
        return bytes;
    }

    /// <summary>
    /// Reads stored bytes into the given rows (each value the low 16 bits of a minimum, see <see cref="StoredBits"/>);
    /// false when they are missing, of an unknown version or of the wrong length.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, Span<uint> shingles, Span<uint> words, out int shingleCount, out int wordCount)
    {
        shingleCount = wordCount = 0;
        int width = bytes.Length == ByteLength && bytes[0] == FormatVersion ? 2
            : bytes.Length == Version1Length && bytes[0] == Version1 ? 4 : 0;
        if (width == 0) return false;
        shingleCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        wordCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[5..]);
        int at = 9;
        for (int i = 0; i < ShingleHashCount; i++, at += width) shingles[i] = Read(bytes[at..], width);
        for (int i = 0; i < WordHashCount; i++, at += width) words[i] = Read(bytes[at..], width);
        return true;
    }

    private static uint Read(ReadOnlySpan<byte> bytes, int width) =>
        width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes) & StoredBits;

    /// <summary>The share of positions where two signatures agree: an unbiased estimate of Jaccard similarity.</summary>
    public static double Agreement(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int same = 0, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Equal lanes are all ones, -1 as signed integers.
            var equal = Vector<int>.Zero;
            for (; i <= a.Length - Vector<uint>.Count; i += Vector<uint>.Count)
                equal += Vector.AsVectorInt32(Vector.Equals(new Vector<uint>(a[i..]), new Vector<uint>(b[i..])));
            same = -Vector.Sum(equal);
        }
        for (; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }
}

/// <summary>Computes <see cref="Fingerprint"/>s. Stateless and thread-safe.</summary>
internal static class Fingerprinter
{
    private static readonly (ulong[] A, ulong[] B) ShingleFamily = Hashing.Family(Fingerprint.ShingleHashCount, 0x5EED_0001UL);
    private static readonly (ulong[] A, ulong[] B) WordFamily = Hashing.Family(Fingerprint.WordHashCount, 0x5EED_0002UL);

    [ThreadStatic] private static char[]? t_buffer;

    private static char[] Buffer => t_buffer ??= new char[WordReader.MaxWordLength + 8];

    public static Fingerprint Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var signature = new Signature();
        var reader = new WordReader(text, Buffer);
        while (reader.Next()) signature.Add(reader.Word, reader.HamzaMask);
        return signature.ToFingerprint();
    }

    /// <summary>
    /// As <see cref="Compute(string)"/>, from the terms of one analysis pass (<see cref="AnalyzedText"/>): the same
    /// fingerprint, without splitting and normalizing the text again.
    /// </summary>
    public static Fingerprint Compute(AnalyzedText text)
    {
        var signature = new Signature();
        for (int i = 0; i < text.Count; i++) signature.Add(text.Term(i), text.HamzaMask(i));
        return signature.ToFingerprint();
    }

    [ThreadStatic] private static char[]? t_stem;

    /// <summary>The MinHash state of one text, fed its normalized words in order.</summary>
    private sealed class Signature
    {
        private readonly uint[] _shingles = new uint[Fingerprint.ShingleHashCount];
        private readonly uint[] _words = new uint[Fingerprint.WordHashCount];
        private int _shingleCount, _wordCount, _seen;
        private ulong _w1, _w2; // the two previous exact words

        public Signature()
        {
            Array.Fill(_shingles, uint.MaxValue);
            Array.Fill(_words, uint.MaxValue);
        }

        /// <summary>Adds the next word (normalized; stopwords are skipped) with its hamza mask.</summary>
        public void Add(ReadOnlySpan<char> word, uint hamzaMask)
        {
            if (ArabicStopwords.Contains(word)) return;
            ulong exact = Hashing.Word(word);
            _seen++;
            if (_seen >= Fingerprint.ShingleSize)
            {
                Update(_shingles, ShingleFamily, Hashing.Shingle(_w1, _w2, exact));
                _shingleCount++;
            }
            _w1 = _w2;
            _w2 = exact;
            var stem = t_stem is { } b && b.Length >= word.Length ? b : t_stem = new char[Math.Max(word.Length, WordReader.MaxWordLength + 8)];
            word.CopyTo(stem);
            int stemmed = ArabicLightStemmer.Stem(stem, word.Length, hamzaMask);
            Update(_words, WordFamily, Hashing.Word(stem.AsSpan(0, stemmed)));
            _wordCount++;
        }

        public Fingerprint ToFingerprint()
        {
            if (_seen is > 0 and < Fingerprint.ShingleSize)
            {
                // A text shorter than one shingle is one shingle of all its words.
                Update(_shingles, ShingleFamily, _seen == 1 ? Hashing.Shingle(0, 0, _w2) : Hashing.Shingle(0, _w1, _w2));
                _shingleCount = 1;
            }
            return new Fingerprint(_shingles, _words, _shingleCount, _wordCount);
        }
    }

    /// <summary>The distinct shingle hashes of a text, for exact Jaccard similarity.</summary>
    public static HashSet<ulong> ShingleSet(string text)
    {
        var set = new HashSet<ulong>();
        ulong w1 = 0, w2 = 0;
        int seen = 0;
        var reader = new WordReader(text, Buffer);
        while (reader.Next())
        {
            if (ArabicStopwords.Contains(reader.Word)) continue;
            ulong exact = Hashing.Word(reader.Word);
            if (++seen >= Fingerprint.ShingleSize) set.Add(Hashing.Shingle(w1, w2, exact));
            w1 = w2;
            w2 = exact;
        }
        if (seen is > 0 and < Fingerprint.ShingleSize) set.Add(seen == 1 ? Hashing.Shingle(0, 0, w2) : Hashing.Shingle(0, w1, w2));
        return set;
    }

    /// <summary>True when the text has a word that is not a stopword (so its fingerprint is not empty).</summary>
    public static bool HasContentWord(string text)
    {
        var reader = new WordReader(text, Buffer);
        while (reader.Next()) if (!ArabicStopwords.Contains(reader.Word)) return true;
        return false;
    }

    /// <summary>The distinct hashes of the stemmed content words of a text, for exact word similarity.</summary>
    public static HashSet<ulong> WordSet(string text)
    {
        var set = new HashSet<ulong>();
        var buffer = Buffer;
        var reader = new WordReader(text, buffer);
        while (reader.Next())
        {
            if (ArabicStopwords.Contains(reader.Word)) continue;
            set.Add(Hashing.Word(buffer.AsSpan(0, ArabicLightStemmer.Stem(buffer, reader.Length, reader.HamzaMask))));
        }
        return set;
    }

    /// <summary>Exact Jaccard similarity of two hash sets (0 when either is empty).</summary>
    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        int common = 0;
        foreach (var x in small) if (large.Contains(x)) common++;
        return (double)common / (a.Count + b.Count - common);
    }

    /// <summary>Lowers each minimum to <c>(a[i]·x + b[i]) &gt;&gt; 32</c> where smaller: eight lanes at a time where the hardware allows.</summary>
    private static void Update(uint[] signature, (ulong[] A, ulong[] B) family, ulong x)
    {
        var a = family.A;
        var b = family.B;
        int i = 0;
        if (Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported)
        {
            // 64-bit multiplies (vpmullq), wrapping as the scalar code does; the high halves are the hashes.
            var vx = Vector512.Create(x);
            ref ulong ra = ref MemoryMarshal.GetArrayDataReference(a);
            ref ulong rb = ref MemoryMarshal.GetArrayDataReference(b);
            ref uint rs = ref MemoryMarshal.GetArrayDataReference(signature);
            for (; i <= signature.Length - 8; i += 8)
            {
                var h = Vector512.ShiftRightLogical(Vector512.LoadUnsafe(ref ra, (nuint)i) * vx + Vector512.LoadUnsafe(ref rb, (nuint)i), 32);
                var narrowed = Avx512F.ConvertToVector256UInt32(h);
                var current = Vector256.LoadUnsafe(ref rs, (nuint)i);
                Vector256.Min(current, narrowed).StoreUnsafe(ref rs, (nuint)i);
            }
        }
        for (; i < signature.Length; i++)
        {
            uint h = (uint)((a[i] * x + b[i]) >> 32);
            if (h < signature[i]) signature[i] = h;
        }
    }
}
