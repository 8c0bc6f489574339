using ArabicSearch.Entities;
using ArabicSearch.Evaluation;
using ArabicSearch.Ingestion;

namespace ArabicSearch.Tests.Entities;

/// <summary>
/// Precision and recall of the recognizer against the hand annotations of corpus/annotations, and the scorer itself.
/// The floors sit a little under the figures measured when the annotations were made, so a change that makes
/// recognition clearly worse fails; the figures are printed for the record.
/// </summary>
/// <remarks>
/// The floors are regression guards on tuning data, not evidence of generalization: the name rules and gazetteer
/// entries were written after reading these annotated articles (d3a3948), the ANT multisource ones included, so they
/// are not held out. A figure for unseen text needs annotations made after the rules and never used to write them.
/// </remarks>
public class EntityEvaluationTests
{
    private static string Annotations(string file) => Path.Combine(TestContext.CurrentContext.TestDirectory, "corpus", "annotations", file);

    private static string? SharedCorpus(string file)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "..", "shared", "corpora", file);
            if (File.Exists(path)) return Path.GetFullPath(path);
        }
        return null;
    }

    private static EntityEvaluationResult Evaluate(string annotationFile, IEnumerable<Article> articles)
    {
        var annotations = EntityEvaluation.ReadAnnotations(Annotations(annotationFile));
        var wanted = annotations.Select(a => a.Id).ToHashSet();
        var texts = articles.Where(a => wanted.Contains(a.Id)).ToDictionary(a => a.Id, a => a.Title + "\n" + a.Body);
        Assert.That(texts.Keys, Is.EquivalentTo(wanted), "every annotated article is in the corpus");
        var result = EntityEvaluation.Evaluate(EntityRecognizer.Default, annotations.Select(a => new AnnotatedText(a, texts[a.Id])));
        foreach (var s in result.ByType.Append(result.Total))
            TestContext.Out.WriteLine($"{s.Type?.ToString() ?? "all"}: expected {s.Expected}, found {s.Found}, precision {s.Precision:0.000}, recall {s.Recall:0.000}");
        return result;
    }

    [Test, Category("RegressionGuard")]
    public void Recognizer_floor_on_annotated_seeds_tuning_data()
    {
        var result = Evaluate("seeds.jsonl", SeedCorpus.Articles);
        Assert.That(result.Documents, Is.EqualTo(5));
        Assert.That(result.Total.Precision, Is.GreaterThanOrEqualTo(0.85));
        Assert.That(result.Total.Recall, Is.GreaterThanOrEqualTo(0.85));
    }

    [Test, Category("RegressionGuard")]
    public void Recognizer_floor_on_annotated_ant_multisource_tuning_data()
    {
        var path = SharedCorpus("ant-multisource-v2.1.trec.gz");
        if (path is null) Assert.Ignore("../shared/corpora/ant-multisource-v2.1.trec.gz is not present next to the repository; this measurement needs it.");
        var result = Evaluate("ant-multisource-v2.1.jsonl", TrecReader.Read(path).Where(r => r.Article is not null).Select(r => r.Article!));
        Assert.That(result.Documents, Is.GreaterThanOrEqualTo(30));
        Assert.That(result.Total.Precision, Is.GreaterThanOrEqualTo(0.80));
        Assert.That(result.Total.Recall, Is.GreaterThanOrEqualTo(0.52));
    }

    private static readonly EntityRecognizer Small = EntityRecognizerTests.Small;

    private static EntityScore Score(string text, params AnnotatedEntity[] gold) =>
        EntityEvaluation.Evaluate(Small, [new AnnotatedText(new AnnotatedDocument("d", gold), text)]).Total;

    [Test]
    public void Evaluate_matches_names_with_attached_particles()
    {
        var s = Score("وقال بايدن إن وأربيل", new(EntityType.PER, "بايدن"), new(EntityType.LOC, "أربيل"));
        Assert.That((s.Expected, s.Found, s.Correct, s.Recalled), Is.EqualTo((2, 2, 2, 2)));
    }

    [Test]
    public void Evaluate_counts_a_name_once_per_document()
    {
        var s = Score("بايدن ثم بايدن ثم وبايدن", new AnnotatedEntity(EntityType.PER, "بايدن"));
        Assert.That((s.Expected, s.Found, s.Correct), Is.EqualTo((1, 1, 1)));
    }

    [Test]
    public void Evaluate_accepts_an_alias_of_the_recognized_entity()
    {
        var s = Score("قال جو بايدن", new AnnotatedEntity(EntityType.PER, "بايدن"));
        Assert.That((s.Precision, s.Recall), Is.EqualTo((1.0, 1.0)));
    }

    [Test]
    public void Evaluate_counts_a_wrong_type_as_a_miss_and_a_false_alarm()
    {
        var r = EntityEvaluation.Evaluate(Small, [new AnnotatedText(new AnnotatedDocument("d", [new(EntityType.ORG, "بغداد")]), "في بغداد")]);
        Assert.That(r.Total.Correct, Is.Zero);
        Assert.That(r.Missed.Select(m => m.Text), Is.EqualTo(new[] { "بغداد" }));
        Assert.That(r.Spurious.Select(m => m.Type), Is.EqualTo(new[] { EntityType.LOC }));
    }

    [Test]
    public void Evaluate_without_anything_to_find_or_found_is_perfect()
    {
        var s = Score("لا أسماء هنا");
        Assert.That((s.Precision, s.Recall, s.Expected, s.Found), Is.EqualTo((1.0, 1.0, 0, 0)));
    }

    [TestCase("""{"id":"a","entities":[{"type":"THING","text":"س"}]}""")]
    [TestCase("""{"entities":[]}""")]
    [TestCase("""{"id":"a"}""")]
    [TestCase("""{"id":""")]
    public void ReadAnnotations_rejects_bad_lines(string line)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, line + "\n");
            Assert.That(() => EntityEvaluation.ReadAnnotations(path), Throws.TypeOf<FormatException>().With.Message.Contains(":1:"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
