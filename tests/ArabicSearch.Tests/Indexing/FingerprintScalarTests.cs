using ArabicSearch.Analysis;
using ArabicSearch.Duplicates;

namespace ArabicSearch.Tests.Indexing;

/// <summary>
/// Fingerprints are stored in indexes under <see cref="Fingerprint.FormatVersion"/>, so the vectorized MinHash update
/// (issue 16) must give exactly the minimums of the scalar formula <c>(a·x + b) &gt;&gt; 32</c> it replaced.
/// </summary>
public class FingerprintScalarTests
{
    [Test]
    public void Compute_equals_the_scalar_MinHash_on_the_seed_articles()
    {
        var texts = SeedCorpus.Articles.SelectMany(a => new[] { a.Title, a.Body }).Append("").Append("في").Append("قال الرئيس").ToList();
        foreach (var text in texts)
        {
            var (shingles, words) = Scalar(text);
            var fingerprint = Fingerprinter.Compute(text);
            Assert.That(fingerprint.Shingles, Is.EqualTo(shingles), text);
            Assert.That(fingerprint.Words, Is.EqualTo(words), text);
            var analyzed = Fingerprinter.Compute(AnalyzedText.Of(text));
            Assert.That(analyzed.ToBytes(), Is.EqualTo(fingerprint.ToBytes()), text);
        }
    }

    /// <summary>The fingerprint as version 1 defines it, one hash function at a time.</summary>
    private static (uint[] Shingles, uint[] Words) Scalar(string text)
    {
        var (sa, sb) = Hashing.Family(Fingerprint.ShingleHashCount, 0x5EED_0001UL);
        var (wa, wb) = Hashing.Family(Fingerprint.WordHashCount, 0x5EED_0002UL);
        var shingles = Enumerable.Repeat(uint.MaxValue, Fingerprint.ShingleHashCount).ToArray();
        var words = Enumerable.Repeat(uint.MaxValue, Fingerprint.WordHashCount).ToArray();
        ulong w1 = 0, w2 = 0;
        int seen = 0;
        var buffer = new char[WordReader.MaxWordLength + 8];
        var reader = new WordReader(text, buffer);
        while (reader.Next())
        {
            if (ArabicStopwords.Contains(reader.Word)) continue;
            ulong exact = Hashing.Word(reader.Word);
            if (++seen >= Fingerprint.ShingleSize) Min(shingles, sa, sb, Hashing.Shingle(w1, w2, exact));
            w1 = w2;
            w2 = exact;
            Min(words, wa, wb, Hashing.Word(buffer.AsSpan(0, ArabicLightStemmer.Stem(buffer, reader.Length, reader.HamzaMask))));
        }
        if (seen is > 0 and < Fingerprint.ShingleSize) Min(shingles, sa, sb, seen == 1 ? Hashing.Shingle(0, 0, w2) : Hashing.Shingle(0, w1, w2));
        return (shingles, words);
    }

    private static void Min(uint[] signature, ulong[] a, ulong[] b, ulong x)
    {
        for (int i = 0; i < signature.Length; i++) signature[i] = Math.Min(signature[i], (uint)((a[i] * x + b[i]) >> 32));
    }
}
