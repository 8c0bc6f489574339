namespace ArabicSearch.Duplicates;

/// <summary>
/// The fast, fixed hashes behind fingerprints. They are persisted in indexes, so they must never change
/// without a new <see cref="Fingerprint.FormatVersion"/>.
/// </summary>
internal static class Hashing
{
    /// <summary>FNV-1a over UTF-16 code units, then the MurmurHash3 finalizer so every bit is mixed.</summary>
    public static ulong Word(ReadOnlySpan<char> word)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in word)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    /// <summary>An order-sensitive hash of three word hashes (a 3-word shingle).</summary>
    public static ulong Shingle(ulong a, ulong b, ulong c) =>
        Mix(a ^ RotateLeft(b, 21) ^ RotateLeft(c, 42) ^ 0x9E3779B97F4A7C15UL);

    /// <summary>The MurmurHash3 64-bit finalizer.</summary>
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    private static ulong RotateLeft(ulong x, int r) => (x << r) | (x >> (64 - r));

    /// <summary>
    /// <paramref name="count"/> (multiplier, addend) pairs for multiply-shift hashing <c>(a·x + b) &gt;&gt; 32</c>,
    /// from a fixed SplitMix64 stream; multipliers are odd.
    /// </summary>
    public static (ulong[] Multipliers, ulong[] Addends) Family(int count, ulong seed)
    {
        var a = new ulong[count];
        var b = new ulong[count];
        ulong state = seed;
        for (int i = 0; i < count; i++)
        {
            a[i] = SplitMix(ref state) | 1UL;
            b[i] = SplitMix(ref state);
        }
        return (a, b);
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
