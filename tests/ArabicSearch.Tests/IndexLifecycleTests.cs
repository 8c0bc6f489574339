namespace ArabicSearch.Tests;

public class IndexLifecycleTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDir() => _dir = Directory.CreateTempSubdirectory("arabicsearch-test-").FullName;

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Reopening_an_on_disk_index_finds_the_same_hits()
    {
        string before;
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir }))
        {
            engine.AddOrUpdate(SeedCorpus.Articles);
            engine.Commit();
            before = SeedCorpus.Ids(engine.Search(new SearchRequest { Phrase = "خلايا الكاتيوشا" }));
        }
        using var reopened = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir, ReadOnly = true });
        Assert.That(reopened.Count, Is.EqualTo(5));
        Assert.That(SeedCorpus.Ids(reopened.Search(new SearchRequest { Phrase = "خلايا الكاتيوشا" })), Is.EqualTo(before).And.EqualTo("000 001"));
    }

    [Test]
    public void Articles_an_older_analysis_indexed_are_counted_until_added_again()
    {
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir }))
        {
            engine.AddOrUpdate(SeedCorpus.Articles);
            engine.Commit();
            Assert.That(engine.OlderAnalysisCount, Is.EqualTo(0), "this release wrote every article");
        }
        // An article as an older release wrote it: no analysis-version term.
        using (var dir = Lucene.Net.Store.FSDirectory.Open(_dir))
        using (var writer = new Lucene.Net.Index.IndexWriter(dir, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            writer.AddDocument(new Lucene.Net.Documents.Document { new Lucene.Net.Documents.StringField(FieldNames.Id, "old", Lucene.Net.Documents.Field.Store.YES), new Lucene.Net.Documents.StoredField(FieldNames.Body, "نص قديم") });
            writer.Commit();
        }
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir }))
        {
            Assert.That((engine.Count, engine.OlderAnalysisCount), Is.EqualTo((6, 1)));
            Assert.That(engine.Search(new SearchRequest { Text = "الكاتيوشا" }).Notices,
                Has.One.StartsWith("1 of 6 articles were indexed by an older release"), "every search says so, in every host");
            engine.AddOrUpdate(new Article("old", "نص قديم"));
            engine.Commit();
            Assert.That((engine.Count, engine.OlderAnalysisCount), Is.EqualTo((6, 0)), "added again, it is up to date");
            Assert.That(engine.Search(new SearchRequest { Text = "الكاتيوشا" }).Notices, Has.None.Contains("older release"));
        }
        var (code, output, _) = Reliability.CliHost.Run("stats", "--index", _dir, "--json");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("olderAnalysis").GetInt32(), Is.EqualTo(0));
    }

    [Test]
    public void Update_by_id_replaces_and_delete_removes()
    {
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir });
        engine.AddOrUpdate(SeedCorpus.Articles);
        var first = SeedCorpus.Articles[0];
        engine.AddOrUpdate(first with { Body = "نص جديد عن الموصل" });
        engine.Commit();
        Assert.That(engine.Count, Is.EqualTo(5));
        Assert.That(SeedCorpus.Ids(engine.Search(new SearchRequest { Phrase = "نص جديد" })), Is.EqualTo("000"));
        Assert.That(SeedCorpus.Ids(engine.Search(new SearchRequest { Phrase = "خلايا الكاتيوشا" , Top = 10})), Is.EqualTo("000 001"), "title still matches");
        engine.Delete(first.Id);
        engine.Commit();
        Assert.That(engine.Count, Is.EqualTo(4));
        Assert.That(engine.Search(new SearchRequest { Phrase = "نص جديد" }).Total, Is.Zero);
    }

    [Test]
    public void Uncommitted_writes_are_not_durable()
    {
        using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir }))
        {
            engine.AddOrUpdate(SeedCorpus.Articles[0]);
            engine.Commit();
            engine.AddOrUpdate(SeedCorpus.Articles[1]);
            Assert.That(engine.Count, Is.EqualTo(2), "visible in-process before commit");
        }
        using var reopened = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir, ReadOnly = true });
        Assert.That(reopened.Count, Is.EqualTo(1));
    }

    [Test]
    public void Opening_a_missing_index_read_only_is_a_clear_error() =>
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = Path.Combine(_dir, "nope"), ReadOnly = true }),
            Throws.TypeOf<IndexNotFoundException>().With.Message.Contains("No index"));

    [TestCase(false)]
    [TestCase(true)]
    public void Opening_a_file_as_an_index_says_it_is_a_file(bool readOnly)
    {
        string file = Path.Combine(_dir, "articles.jsonl");
        Directory.CreateDirectory(_dir);
        File.WriteAllText(file, "{}");
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = file, ReadOnly = readOnly }),
            Throws.TypeOf<IndexNotFoundException>().With.Message.EqualTo($"No index at '{file}': it is a file, not a folder."));
        Assert.That(() => ArabicSearchEngine.Verify(file), Throws.TypeOf<IndexNotFoundException>().With.Message.Contains("it is a file, not a folder"));
        Assert.That(File.ReadAllText(file), Is.EqualTo("{}"));
    }

    [Test]
    public void A_second_writer_gets_index_in_use()
    {
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir });
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = _dir }),
            Throws.TypeOf<IndexInUseException>().With.Message.Contains("in use"));
    }

    [Test] // `--index /etc/passwd/sub` used to say "in use by another process (its write lock is held)"
    public void Open_under_a_file_says_the_folder_cannot_be_created()
    {
        string file = Path.Combine(_dir, "passwd");
        File.WriteAllText(file, "root");
        string index = Path.Combine(file, "sub");
        Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index }),
            Throws.TypeOf<IndexWriteException>().With.Message.EqualTo($"The index folder '{index}' cannot be created: '{file}' is a file, not a folder."));
        Assert.That(File.ReadAllText(file), Is.EqualTo("root"));
    }

    [Test, Platform(Exclude = "Win", Reason = "needs Unix permissions")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Open_of_a_folder_without_write_permission_says_so_not_in_use()
    {
        string folder = Path.Combine(_dir, "locked");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            if (CanWrite(folder)) Assert.Ignore("permissions are not enforced for this user (root)");
            Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = folder }),
                Throws.TypeOf<IndexWriteException>().With.Message.Contains("cannot be written").And.Message.Contains("permission denied"));
            Assert.That(() => ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = Path.Combine(folder, "new") }),
                Throws.TypeOf<IndexWriteException>().With.Message.Contains("cannot be created: permission denied"));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool CanWrite(string folder)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), "");
            File.Delete(Path.Combine(folder, "probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
