using System.Text.Json;

namespace ArabicSearch.Tests.Querying;

/// <summary>Requests as a JSON binder or a careless caller builds them: nulls, out-of-range enums, a slop that cannot apply.</summary>
public class SearchRequestValidationTests
{
    private static ArabicSearchEngine _engine = null!;

    [OneTimeSetUp]
    public static void Open() => _engine = SeedCorpus.InMemory();

    [OneTimeTearDown]
    public static void Close() => _engine.Dispose();

    [Test] // each used to throw NullReferenceException
    public void Search_null_lists_are_read_as_empty()
    {
        var all = _engine.Search(new SearchRequest { Text = "بغداد" });
        var request = new SearchRequest { Text = "بغداد", Sources = null!, Entities = null!, Categories = null! };
        Assert.That(request.Sources, Is.Empty);
        Assert.That(request.Entities, Is.Empty);
        Assert.That(request.Categories, Is.Empty);
        Assert.That(_engine.Search(request).Total, Is.EqualTo(all.Total).And.GreaterThan(0));
        Assert.That(_engine.Search(request with { Facets = true, Top = 1 }).NextCursor, Is.Not.Null, "the cursor hash reads the lists too");
    }

    [Test]
    public void Search_null_lists_bound_from_json_are_read_as_empty()
    {
        var request = JsonSerializer.Deserialize<SearchRequest>("""{"Text":"بغداد","Sources":null,"Entities":null,"Categories":null}""")!;
        Assert.That(_engine.Search(request).Total, Is.GreaterThan(0));
    }

    [TestCase("Sources", "A source name is empty.")]
    [TestCase("Entities", "An entity name is empty.")]
    [TestCase("Categories", "A category name is empty.")]
    public void Search_null_or_blank_element_is_an_invalid_query(string property, string message)
    {
        IReadOnlyList<string> names = [" ", null!];
        foreach (var list in new[] { names, [null!] })
        {
            var request = property switch
            {
                "Sources" => new SearchRequest { Text = "بغداد", Sources = list },
                "Entities" => new SearchRequest { Text = "بغداد", Entities = list },
                _ => new SearchRequest { Text = "بغداد", Categories = list },
            };
            Assert.That(() => _engine.Search(request), Throws.TypeOf<InvalidQueryException>().With.Message.EqualTo(message));
        }
    }

    [Test] // used to search by relevance silently
    public void Search_undefined_sort_is_an_invalid_query() =>
        Assert.That(() => _engine.Search(new SearchRequest { Text = "بغداد", Sort = (SearchSort)99 }),
            Throws.TypeOf<InvalidQueryException>().With.Message.EqualTo("Sort is 99, which is not a SearchSort; use one of Relevance, Newest, Oldest, RelevanceWithRecency."));

    [Test]
    public void Search_undefined_syntax_is_an_invalid_query() =>
        Assert.That(() => _engine.Search(new SearchRequest { Text = "بغداد", Syntax = (QuerySyntax)(-1) }),
            Throws.TypeOf<InvalidQueryException>().With.Message.StartsWith("Syntax is -1, which is not a QuerySyntax"));

    [Test]
    public void Search_undefined_date_field_is_an_invalid_query() =>
        Assert.That(() => _engine.Search(new SearchRequest { Text = "بغداد", DateField = (DateField)7, From = new DateOnly(2021, 1, 1) }),
            Throws.TypeOf<InvalidQueryException>().With.Message.StartsWith("DateField is 7, which is not a DateField"));

    [Test]
    public void Search_undefined_phrase_mode_is_an_invalid_query() =>
        Assert.That(() => _engine.Search(new SearchRequest { Phrase = "خلايا الكاتيوشا", PhraseMode = (PhraseMode)2 }),
            Throws.TypeOf<InvalidQueryException>().With.Message.StartsWith("PhraseMode is 2, which is not a PhraseMode"));

    [Test] // used to drop the slop and search the exact phrase, silently finding nothing
    public void Search_slop_with_an_exact_phrase_is_an_invalid_query()
    {
        Assert.That(() => _engine.Search(new SearchRequest { Phrase = "خلايا الكاتيوشا", PhraseSlop = 5 }),
            Throws.TypeOf<InvalidQueryException>().With.Message.Contains("slop applies to stemmed phrases only"));
        Assert.That(_engine.Search(new SearchRequest { Phrase = "خلايا الكاتيوشا", PhraseMode = PhraseMode.Stemmed, PhraseSlop = 5 }).Total, Is.GreaterThan(0));
        Assert.That(_engine.Search(new SearchRequest { Text = "بغداد", PhraseSlop = 5 }).Total, Is.GreaterThan(0), "no phrase: nothing to apply the slop to, nothing silently lost");
    }
}
