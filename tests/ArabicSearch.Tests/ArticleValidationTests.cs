namespace ArabicSearch.Tests;

/// <summary>What AddOrUpdate refuses, named as the caller wrote it (<c>article.Body</c>, not an internal parameter).</summary>
public class ArticleValidationTests
{
    [TestCase("")]
    [TestCase("  ")]
    public void AddOrUpdate_blank_id_names_article_Id(string id)
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        Assert.That(() => engine.AddOrUpdate(new Article(id, "x")),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("article.Id").And.Message.Contains("non-empty id"));
    }

    [Test]
    public void AddOrUpdate_null_body_names_article_Body()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        Assert.That(() => engine.AddOrUpdate(new Article("a", null!)), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("article.Body"));
        Assert.That(() => engine.AddOrUpdate(new Article("a", "x") { Title = null! }), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("article.Title"));
        Assert.That(() => engine.AddOrUpdate(new Article("a", "x") { Category = null! }), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("article.Category"));
        Assert.That(() => engine.AddOrUpdate(new Article("a", "x") { Author = null! }), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("article.Author"));
    }

    [Test]
    public void AddOrUpdate_many_names_the_element_and_writes_none()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        Assert.That(() => engine.AddOrUpdate([new Article("a", "x"), new Article("b", null!)]),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("articles[1].Body"));
        Assert.That(() => engine.AddOrUpdate([new Article("a", "x"), null!]),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("articles[1]"));
        Assert.That(engine.Count, Is.Zero);
    }

    [Test] // the index command skipped such bodies while the library took 1.5M characters
    public void AddOrUpdate_body_over_the_limit_is_refused_as_the_file_readers_do()
    {
        using var engine = ArabicSearchEngine.CreateInMemory();
        Assert.That(Article.MaxBodyChars, Is.EqualTo(global::ArabicSearch.Ingestion.ArticleFiles.MaxBodyChars));
        Assert.That(() => engine.AddOrUpdate(new Article("big", new string('ب', 1_500_000))),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("article.Body")
                .And.Message.StartsWith("The body of article 'big' has 1,500,000 characters; at most 1,000,000 are allowed."));
        engine.AddOrUpdate(new Article("max", new string('ب', Article.MaxBodyChars)));
        Assert.That(engine.Count, Is.EqualTo(1));
    }

    [Test]
    public void AddOrUpdate_on_a_read_only_engine_is_an_invalid_operation()
    {
        var dir = Directory.CreateTempSubdirectory("arabicsearch-ro-").FullName;
        try
        {
            using (var writer = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = dir })) writer.Commit();
            using var reader = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = dir, ReadOnly = true });
            Assert.That(() => reader.AddOrUpdate(new Article("a", "x")), Throws.InvalidOperationException.With.Message.Contains("read-only"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
