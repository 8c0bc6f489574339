using ArabicSearch.Indexing;
using ArabicSearch.Tests.Reliability;
using Lucene.Net.Store;

namespace ArabicSearch.Tests.Indexing;

/// <summary>The engine's positional-read inputs give the bytes Lucene.Net's NIOFSDirectory gives, for whole files and compound-file slices.</summary>
public class PositionalFileInputTests
{
    [Test]
    public void OpenInput_reads_every_file_as_NIOFSDirectory_does()
    {
        using var temp = IndexOfSeeds(compound: false);
        using var nio = new NIOFSDirectory(new DirectoryInfo(temp.Path));
        using var ours = new DurableNIOFSDirectory(new DirectoryInfo(temp.Path), NoLockFactory.GetNoLockFactory());
        var files = ours.ListAll().Where(f => f != "write.lock").ToList();
        Assert.That(files, Has.Some.EndsWith(".fdt"), "stored fields outside a compound file");
        var random = new Random(4);
        foreach (var file in files)
        {
            using var expected = nio.OpenInput(file, IOContext.DEFAULT);
            using var actual = ours.OpenInput(file, IOContext.DEFAULT);
            AssertSameBytes(expected, actual, random, file);
        }
    }

    [Test]
    public void CreateSlicer_reads_compound_file_parts_as_NIOFSDirectory_does()
    {
        using var temp = IndexOfSeeds(compound: true);
        using var nio = new NIOFSDirectory(new DirectoryInfo(temp.Path));
        using var ours = new DurableNIOFSDirectory(new DirectoryInfo(temp.Path), NoLockFactory.GetNoLockFactory());
        var compound = ours.ListAll().Where(f => f.EndsWith(".cfs", StringComparison.Ordinal)).ToList();
        Assert.That(compound, Is.Not.Empty);
        var random = new Random(5);
        foreach (var cfs in compound)
        {
            using var expectedCfs = new CompoundFileDirectory(nio, cfs, IOContext.DEFAULT, false);
            using var actualCfs = new CompoundFileDirectory(ours, cfs, IOContext.DEFAULT, false);
            foreach (var part in actualCfs.ListAll())
            {
                using var expected = expectedCfs.OpenInput(part, IOContext.DEFAULT);
                using var actual = actualCfs.OpenInput(part, IOContext.DEFAULT);
                AssertSameBytes(expected, actual, random, $"{cfs}/{part}");
            }
        }
    }

    [Test]
    public void ReadBytes_past_the_end_throws_EndOfStreamException()
    {
        using var temp = IndexOfSeeds(compound: false);
        using var ours = new DurableNIOFSDirectory(new DirectoryInfo(temp.Path), NoLockFactory.GetNoLockFactory());
        string file = ours.ListAll().First(f => f.EndsWith(".fdt", StringComparison.Ordinal));
        using var input = ours.OpenInput(file, IOContext.DEFAULT);
        input.Seek(input.Length - 2);
        Assert.That(() => input.ReadBytes(new byte[4], 0, 4), Throws.InstanceOf<EndOfStreamException>());
    }

    /// <summary>The whole file in one read, then random seeks and reads of random lengths on a clone.</summary>
    private static void AssertSameBytes(IndexInput expected, IndexInput actual, Random random, string what)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), what);
        var all = new byte[expected.Length];
        var got = new byte[actual.Length];
        expected.ReadBytes(all, 0, all.Length);
        actual.ReadBytes(got, 0, got.Length);
        Assert.That(got, Is.EqualTo(all), what);
        var clone = (IndexInput)actual.Clone();
        for (int i = 0; i < 200 && all.Length > 0; i++)
        {
            long at = random.NextInt64(all.Length);
            int length = (int)Math.Min(all.Length - at, random.Next(1, 40_000));
            clone.Seek(at);
            var part = new byte[length];
            if (length > 1) { part[0] = clone.ReadByte(); clone.ReadBytes(part, 1, length - 1); }
            else clone.ReadBytes(part, 0, length);
            Assert.That(part, Is.EqualTo(all.AsSpan((int)at, length).ToArray()), $"{what} at {at}, {length} bytes");
            Assert.That(clone.Position, Is.EqualTo(at + length), what);
        }
    }

    /// <summary>An on-disk index of the seed articles, written with the engine, as one compound segment or as separate files.</summary>
    private static TempFolder IndexOfSeeds(bool compound)
    {
        var temp = new TempFolder();
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = temp.Path });
        foreach (var a in SeedCorpus.Articles) engine.AddOrUpdate(a);
        engine.Commit();
        engine.Dispose();
        if (!compound)
        {
            // Rewrite the segment without compound files (the engine writes small segments as .cfs).
            using var dir = new NIOFSDirectory(new DirectoryInfo(temp.Path));
            var config = new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer()) { UseCompoundFile = false };
            config.MergePolicy = new Lucene.Net.Index.TieredMergePolicy { NoCFSRatio = 0.0 };
            using var writer = new Lucene.Net.Index.IndexWriter(dir, config);
            writer.ForceMerge(1);
            writer.Commit();
        }
        return temp;
    }
}
