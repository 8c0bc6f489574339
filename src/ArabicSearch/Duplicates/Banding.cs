namespace ArabicSearch.Duplicates;

/// <summary>
/// Locality-sensitive hashing over MinHash signatures: the signature is cut into bands of <see cref="Rows"/> values,
/// and two articles become candidates when any band is equal. Two articles of Jaccard similarity <c>s</c> become
/// candidates with probability <c>1 − (1 − s^r)^b</c>.
/// </summary>
internal readonly record struct Banding(int Bands, int Rows)
{
    /// <summary>
    /// The widest bands (fewest candidates) that still make a pair at <paramref name="threshold"/> a candidate with
    /// probability at least <paramref name="recall"/>, but never narrower than two rows.
    /// </summary>
    /// <remarks>
    /// One-row bands would make a candidate of nearly every pair that shares a few shingles (a dateline, a teaser):
    /// on the ANT collection, grouping at 0.2 took a minute instead of seconds. With two rows, a pair at 0.2 is still
    /// compared with probability 0.93 and one at 0.25 with 0.98; labelled pairs below 0.3 were never near-duplicates.
    /// </remarks>
    public static Banding For(int signatureLength, double threshold, double recall)
    {
        for (int rows = 8; rows > 2; rows--)
        {
            int bands = signatureLength / rows;
            if (CandidateProbability(threshold, bands, rows) >= recall) return new Banding(bands, rows);
        }
        return new Banding(signatureLength / 2, 2);
    }

    public static double CandidateProbability(double similarity, int bands, int rows) =>
        1 - Math.Pow(1 - Math.Pow(similarity, rows), bands);

    /// <summary>The hash of band <paramref name="band"/> of <paramref name="signature"/>, salted by the band number.</summary>
    public ulong Key(ReadOnlySpan<uint> signature, int band)
    {
        ulong h = (ulong)band * 0x9E3779B97F4A7C15UL;
        var values = signature.Slice(band * Rows, Rows);
        foreach (uint v in values) h = Hashing.Mix(h ^ v) + 0x632BE59BD9B4E019UL;
        return h;
    }
}
