using ArabicSearch.Duplicates;
using BenchmarkDotNet.Attributes;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// What near-duplicate fingerprints add to indexing: one MinHash fingerprint (128 shingle and 64 word minimums)
/// per article, over the same news bodies as the analysis benchmarks. Per-article cost = mean / article count
/// (printed at setup). Returns the shingle count so the work cannot be dropped.
/// </summary>
[MemoryDiagnoser]
public class FingerprintBenchmarks
{
    private IReadOnlyList<string> _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkCorpus.Texts(2_000);
        Console.WriteLine($"// fingerprint corpus: {_texts.Count} articles, {_texts.Sum(t => (long)t.Length):N0} chars");
    }

    [Benchmark(Description = "MinHash fingerprint of every article")]
    public long Fingerprints()
    {
        long shingles = 0;
        foreach (var text in _texts) shingles += Fingerprinter.Compute(text).ShingleCount;
        return shingles;
    }
}
