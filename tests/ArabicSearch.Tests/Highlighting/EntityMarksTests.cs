using ArabicSearch.Entities;
using ArabicSearch.Highlighting;
using ArabicSearch.Ingestion;

namespace ArabicSearch.Tests.Highlighting;

/// <summary>
/// <see cref="EntityMarks"/> recognizes only the text around words that can start a wanted name; its marks must be the
/// whole-text recognizer's marks for those entities.
/// </summary>
public class EntityMarksTests
{
    private static readonly EntityRecognizer Recognizer = EntityRecognizer.Default;

    /// <summary>The whole-text recognizer's ranges for <paramref name="ids"/>, in order.</summary>
    internal static List<TextSpan> Expected(string text, IReadOnlySet<string> ids) =>
        Recognizer.Recognize(text).Where(m => ids.Contains(m.Entity.Id)).Select(m => new TextSpan(m.Start, m.End - m.Start))
            .OrderBy(s => s.Start).ThenBy(s => s.Length).ToList();

    internal static List<TextSpan> Actual(string text, IReadOnlySet<string> ids)
    {
        var spans = new List<TextSpan>();
        new EntityMarks(Recognizer, ids).AddTo(text, spans);
        return spans.OrderBy(s => s.Start).ThenBy(s => s.Length).ToList();
    }

    private static string Filler(int words) => string.Join(' ', Enumerable.Range(0, words).Select(i => i % 3 == 0 ? "كلام" : i % 3 == 1 ? "عادي" : "هنا"));

    private static HashSet<string> IdsOf(string name) => [Recognizer.Resolve(name)!.Id];

    [TestCase("بغداد")]                 // one word
    [TestCase("ببغداد")]                // a proclitic on the key word
    [TestCase("وبالعراق")]              // conjunction, preposition and article
    [TestCase("للعراق")]                // لل
    [TestCase("مصطفى الكاظمي")]         // two words
    public void AddTo_marks_a_mention_at_the_start_in_the_middle_and_at_the_end(string mention)
    {
        string name = mention is "ببغداد" ? "بغداد" : mention is "وبالعراق" or "للعراق" ? "العراق" : mention;
        var ids = IdsOf(name);
        foreach (var text in new[]
        {
            mention + " " + Filler(200),                                    // at the start of the text
            Filler(200) + " " + mention,                                    // at the end of the text
            Filler(100) + " " + mention + " " + Filler(100),                // in the middle
            Filler(100) + " " + mention + " " + Filler(300) + " " + mention, // two windows, far apart
            mention,                                                         // the whole text
        })
        {
            var actual = Actual(text, ids);
            Assert.That(actual, Is.EqualTo(Expected(text, ids)), text.Length > 60 ? text[..60] + "…" : text);
            Assert.That(actual, Is.Not.Empty);
        }
    }

    [Test]
    public void AddTo_reads_a_long_name_whole_at_the_edge_of_the_context()
    {
        // The key word is the candidate; the rest of the name lies after it, inside the context read after it.
        var ids = IdsOf("مصطفى الكاظمي");
        for (int before = 0; before <= EntityMarks.GazetteerContext + 2; before++)
        {
            for (int after = 0; after <= EntityMarks.GazetteerContext + 2; after += 3)
            {
                string text = Filler(before) + " رئيس الوزراء مصطفى الكاظمي " + Filler(after) + " " + Filler(60) + " مصطفى الكاظمي";
                Assert.That(Actual(text, ids), Is.EqualTo(Expected(text, ids)).And.Count.EqualTo(2), $"{before} words before, {after} after");
            }
        }
    }

    [TestCase("وقال العميد كريم فاضل إن القوات")]               // a person after a title
    [TestCase("وصلت الطائرة إلى قاعدة بلد الجوية صباحا")]       // a facility with its head word
    [TestCase("في محافظة كربلاء المقدسة وصلاح الدين")]          // a place after an administrative word
    [TestCase("قالت وكالة الأنباء العراقية إن")]                // an organization
    public void AddTo_marks_a_name_the_rules_found(string sentence)
    {
        // Generated ids (names the rules found) are marked as in the whole text, with the context the rules read.
        string text = Filler(60) + " " + sentence + " " + Filler(60);
        var generated = Recognizer.Recognize(text).Select(m => m.Entity.Id).Where(GeneratedEntities.IsGenerated).ToHashSet();
        foreach (var id in generated)
        {
            HashSet<string> ids = [id];
            Assert.That(Actual(text, ids), Is.EqualTo(Expected(text, ids)).And.Not.Empty, id);
        }
        var all = Recognizer.Recognize(text).Select(m => m.Entity.Id).ToHashSet();
        Assert.That(Actual(text, all), Is.EqualTo(Expected(text, all)).And.Not.Empty);
    }

    [Test]
    public void AddTo_is_exercised_on_names_the_rules_found()
    {
        string[] sentences = ["وقال العميد كريم فاضل إن القوات", "وصلت الطائرة إلى قاعدة بلد الجوية صباحا", "قالت وكالة الأنباء العراقية إن"];
        Assert.That(sentences.SelectMany(t => Recognizer.Recognize(t)).Count(m => GeneratedEntities.IsGenerated(m.Entity.Id)), Is.GreaterThan(0));
    }

    [Test]
    public void AddTo_marks_nothing_when_no_word_can_start_a_wanted_name()
    {
        var ids = IdsOf("بغداد");
        Assert.That(Actual(Filler(300) + " البصرة", ids), Is.Empty);
        Assert.That(Actual("", ids), Is.Empty);
    }

    [Test]
    public void Build_marks_the_same_snippet_as_the_whole_text_recognizer()
    {
        var terms = new HighlightTerms();
        terms.EntityIds.UnionWith(IdsOf("بغداد"));
        string body = Filler(150) + " وصل الوفد إلى بغداد صباحا " + Filler(150) + " ثم غادر بغداد";
        var s = SnippetBuilder.Build(body, terms, Recognizer);
        Assert.That(s.BodyHighlights, Is.EqualTo(Expected(body, terms.EntityIds)));
        Assert.That(s.Highlights.Select(h => s.Text.Substring(h.Start, h.Length)), Is.EqualTo(new[] { "بغداد" }));
    }
}

/// <summary>
/// The marks of <see cref="EntityMarks"/> against the whole-text recognizer on the first articles of ANT multi-source
/// (../shared/corpora): for every entity an article names, alone and all together. Ignored when the corpus is absent.
/// With the sample raised to the whole collection (31,525 articles) it passed too (3.5 minutes).
/// </summary>
public class EntityMarksAntTests
{
    private const int Sample = 2_000;

    [Test]
    public void AddTo_equals_the_whole_text_recognizer_on_news_articles()
    {
        string? path = null;
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null && path is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpora", "ant-multisource-v2.1.trec.gz");
            if (File.Exists(candidate)) path = Path.GetFullPath(candidate);
        }
        if (path is null) Assert.Ignore("../shared/corpora/ant-multisource-v2.1.trec.gz is not present next to the repository; this test needs it.");
        var failures = new List<string>();
        int checkedIds = 0;
        foreach (var article in ArticleFiles.Read(path!).Take(Sample).Select(r => r.Article).OfType<Article>())
        {
            string body = article.Body;
            var all = EntityRecognizer.Default.Recognize(body).Select(m => m.Entity.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var ids in all.Select(id => (IReadOnlySet<string>)new HashSet<string>([id], StringComparer.Ordinal)).Append(all))
            {
                checkedIds++;
                var expected = EntityMarksTests.Expected(body, ids);
                var actual = EntityMarksTests.Actual(body, ids);
                if (!actual.SequenceEqual(expected) && failures.Count < 10)
                    failures.Add($"{article.Id} {string.Join(',', ids.Take(3))}: expected {string.Join(' ', expected)}, got {string.Join(' ', actual)}");
            }
        }
        Assert.That(failures, Is.Empty, $"{checkedIds:N0} id sets checked");
    }
}
