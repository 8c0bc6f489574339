using Lucene.Net.Index;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// A flipped byte in an index file: <c>arabicsearch verify</c> reports it and exits 1, and opening the index gives
/// <see cref="IndexCorruptException"/>, never silently empty or wrong results.
/// </summary>
public class CorruptionTests : DiskIndexFixture
{
    public enum Target { CommitPoint, LargestFile, SegmentInfo, CompoundEntries }

    [TestCase(Target.CommitPoint)]       // segments_N
    [TestCase(Target.LargestFile)]       // the segment's data (.cfs, or .fdt etc. without compound files)
    [TestCase(Target.SegmentInfo)]       // .si
    [TestCase(Target.CompoundEntries)]   // .cfe, the compound file's table of contents
    public void Flipped_byte_is_reported_by_verify_and_on_open(Target target)
    {
        Assert.That(ArabicSearchEngine.Verify(IndexPath).IsHealthy, Is.True, "healthy before");
        string file = Flip(target);

        var report = ArabicSearchEngine.Verify(IndexPath);
        Assert.That(report.IsHealthy, Is.False, $"verify after flipping a byte of {file}");
        Assert.That(report.Problems, Is.Not.Empty);
        TestContext.Out.WriteLine($"{file}: {string.Join(" | ", report.Problems)}");

        // The full checksum read on open finds every flip; it is what VerifyOnOpen asks for.
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexPath, ReadOnly = true, VerifyOnOpen = true }),
            Throws.TypeOf<IndexCorruptException>().With.Message.Contains("damaged"));
        if (target == Target.LargestFile) return; // a flip inside a data file: the default open does not read whole files (see Default_open_...)
        // The default open's structural check reads the commit point, the .si and the .cfe whole, with their checksums.
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexPath, ReadOnly = true }),
            Throws.TypeOf<IndexCorruptException>().With.Message.Contains("damaged").And.Message.Contains(file));
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexPath }),
            Throws.TypeOf<IndexCorruptException>());
    }

    [Test]
    public void Default_open_reads_headers_and_footers_only_and_verify_finds_a_flip_inside_a_data_file()
    {
        string file = Flip(Target.LargestFile);
        // Opening is cheap: the flip inside the data file is not seen here (a merge or verify sees it)...
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexPath, ReadOnly = true }))
            TestContext.Out.WriteLine($"opened with a flip in {file}: {engine.Count} articles");
        // ...and the full check on demand reports it.
        Assert.That(ArabicSearchEngine.Verify(IndexPath).IsHealthy, Is.False);
    }

    [TestCase(Target.CommitPoint)]
    [TestCase(Target.LargestFile)]
    public void Cli_verify_exits_1_with_one_clear_line(Target target)
    {
        if (target == Target.LargestFile)
        {
            var healthy = CliHost.Run("verify", "--index", IndexPath);
            Assert.That(healthy.Code, Is.Zero, healthy.Err);
            Assert.That(healthy.Out, Does.Contain("healthy"));
        }

        Flip(target);
        var (code, stdout, err) = CliHost.Run("verify", "--index", IndexPath);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(err.Trim().Split('\n'), Has.Length.EqualTo(1), "one line on stderr, no stack trace");
        Assert.That(err, Does.StartWith("error: ").And.Contains("damaged"));
        Assert.That(stdout, Does.Contain("problem: "));

        if (target != Target.LargestFile) return; // the rest once is enough: each run starts a process
        var json = CliHost.Run("verify", "--index", IndexPath, "--json");
        Assert.That(json.Code, Is.EqualTo(1));
        Assert.That(json.Out, Does.Contain("\"healthy\": false"));

    }

    [Test]
    public void Cli_search_over_a_damaged_commit_point_exits_1_with_the_verify_hint()
    {
        Flip(Target.CommitPoint);
        var search = CliHost.Run("search", "--index", IndexPath, "بغداد");
        Assert.That(search.Code, Is.EqualTo(1), "searching a damaged index fails, it does not answer 0 matches");
        Assert.That(search.Err.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(search.Err, Does.Contain("damaged").And.Contain("arabicsearch verify"));
    }

    // Found by a new-user trial: 16 bytes overwritten at offset 200 of the .cfs made every search fail with
    // "unexpected error (ArgumentOutOfRangeException)": Lucene decoded the damaged bytes before reading any checksum.
    [TestCase(200)]
    [TestCase(-1)] // the middle of the file
    public void Searching_over_overwritten_bytes_reports_damage_never_another_error(int offset)
    {
        DamagedIndex.OverwriteLargestFile(IndexPath, offset);

        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = IndexPath, ReadOnly = true });
        int damaged = 0;
        foreach (var request in new[]
        {
            new SearchRequest { Text = "بغداد" }, new SearchRequest { Text = "الكاظمي", Facets = true },
            new SearchRequest { Phrase = "خلايا الكاتيوشا" }, new SearchRequest { Entities = ["الكاظمي"] },
            new SearchRequest { Sort = SearchSort.Newest, Top = 1000 },
        })
        {
            try { engine.Search(request); }
            catch (IndexCorruptException e) { damaged++; Assert.That(e.Message, Does.Contain("damaged")); }
        }
        // Any search that failed said "damaged" (the loop lets every other exception fail the test); at offset 200 (the
        // stored fields' start) they do read the damaged bytes. The middle of the file may be in postings no query reads.
        if (offset == 200) Assert.That(damaged, Is.GreaterThan(0), "some search read the damaged bytes and said so");
        var cli = CliHost.Run("search", "--index", IndexPath, "--top", "100", "بغداد");
        if (cli.Code != 0)
        {
            Assert.That(cli.Code, Is.EqualTo(1));
            Assert.That(cli.Err, Does.Contain("damaged").And.Not.Contain("unexpected error"));
        }
    }

    [Test]
    public void Verify_of_a_folder_without_an_index_is_index_not_found()
    {
        Assert.That(() => ArabicSearchEngine.Verify(Temp.Combine("nope")), Throws.TypeOf<IndexNotFoundException>());
        var (code, _, err) = CliHost.Run("verify", "--index", Temp.Path);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("No index"));
    }

    [Test]
    public void Verify_counts_the_documents_of_a_healthy_index()
    {
        var report = ArabicSearchEngine.Verify(IndexPath);
        Assert.That(report.Documents, Is.EqualTo(SeedCorpus.Articles.Count + 200));
        Assert.That(report.CommitPoint, Does.StartWith("segments_"));
        Assert.That(report.Segments, Is.GreaterThan(0));
    }

    /// <summary>Flips one bit of a byte in the middle of the target file; returns the file's name.</summary>
    private string Flip(Target target)
    {
        var files = new DirectoryInfo(IndexPath).GetFiles();
        FileInfo file = target switch
        {
            Target.CommitPoint => files.Single(f => f.Name.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal)),
            Target.LargestFile => files.OrderByDescending(f => f.Length).First(),
            Target.SegmentInfo => files.First(f => f.Extension == ".si"),
            Target.CompoundEntries => files.FirstOrDefault(f => f.Extension == ".cfe") ?? throw new InconclusiveException("no compound file in this index"),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
        var bytes = File.ReadAllBytes(file.FullName);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(file.FullName, bytes);
        return file.Name;
    }
}
