using ArabicSearch.Ingestion;

namespace ArabicSearch.Tests.Ingestion;

/// <summary>The ANT collections of ../shared/corpora, when present: their first records parse cleanly and dated.</summary>
public class SharedCorporaTests
{
    private const int Sample = 400;

    private static string? Corpus(string file)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "..", "shared", "corpora", file);
            if (File.Exists(path)) return Path.GetFullPath(path);
        }
        return null;
    }

    [TestCase("ant-v1.1.trec.gz", "Jawhara FM", 2013, 2017)]
    [TestCase("ant-multisource-v2.1.trec.gz", null, 2012, 2018)] // mostly 2018, with a few older CNN Arabic articles
    public void Read_first_records_of_shared_corpus_parse_with_dates(string file, string? source, int firstYear, int lastYear)
    {
        var path = Corpus(file);
        if (path is null) Assert.Ignore($"../shared/corpora/{file} is not present next to the repository; this test needs it.");
        var records = ArticleFiles.Read(path).Take(Sample).ToList();
        Assert.That(records, Has.Count.EqualTo(Sample));
        Assert.That(records.Select(r => r.Problem).OfType<string>(), Is.Empty);
        var articles = records.Select(r => r.Article!).ToList();
        Assert.That(articles.Select(a => a.Id).Distinct().Count(), Is.EqualTo(Sample), "distinct DOCNOs");
        Assert.That(articles.Where(a => a.Published is null).Select(a => a.Id), Is.Empty, "every article dated");
        Assert.That(articles.Select(a => a.Published!.Value.Year), Is.All.InRange(firstYear, lastYear));
        Assert.That(articles.Where(a => a.Title.Length == 0).Select(a => a.Id), Is.Empty, "every article has a title");
        Assert.That(articles.Count(a => a.Body.Length > 0), Is.GreaterThan(Sample * 9 / 10), "nearly every article has a body (a few have an empty TEXT)");
        Assert.That(articles.Select(a => a.Source), source is null ? Has.None.Empty : Is.All.EqualTo(source));
        Assert.That(articles.Select(a => a.Url), Has.All.StartsWith("http"));
    }

    [TestCase("ant-v1.1.trec.gz", 10_161)]
    [TestCase("ant-multisource-v2.1.trec.gz", 31_525)]
    public void Read_whole_shared_corpus_gives_every_article_dated_and_no_problem(string file, int articles)
    {
        var path = Corpus(file);
        if (path is null) Assert.Ignore($"../shared/corpora/{file} is not present next to the repository; this test needs it.");
        int read = 0;
        var problems = new List<string>();
        var undated = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in ArticleFiles.Read(path))
        {
            if (r.Problem is not null) problems.Add(r.Problem);
            if (r.Article is not { } a) continue;
            read++;
            ids.Add(a.Id);
            if (a.Published is null) undated.Add(a.Id);
        }
        Assert.That(problems, Is.Empty);
        Assert.That((read, ids.Count), Is.EqualTo((articles, articles)), "every record read, each DOCNO once");
        Assert.That(undated, Is.Empty, "every article has a date (TIME, or the DOCNO's)");
    }
}
