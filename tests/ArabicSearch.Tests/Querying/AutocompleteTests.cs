namespace ArabicSearch.Tests.Querying;

/// <summary>Autocomplete, <see cref="ArabicSearchEngine.Suggest"/> (issue #17, 3), on the seed corpus.</summary>
public class AutocompleteTests : SeedEngineFixture
{
    [TestCase("الكاتي", "الكاتيوشا")]
    [TestCase("الهجم", "الهجمات")]
    [TestCase("إعل", "إعلان")] // as written, with its hamza
    [TestCase("اعل", "إعلان")] // the prefix is normalized like a query: bare alef finds the hamza form
    [TestCase("الأمري", "الأمريكى")] // shown as the headline wrote it
    public void Suggest_prefix_completes_a_headline_word(string prefix, string expected)
    {
        Assert.That(Engine.Suggest(prefix).Select(c => c.Text), Does.Contain(expected));
    }

    [Test]
    public void Suggest_ranks_by_the_number_of_articles()
    {
        var completions = Engine.Suggest("خلا");

        Assert.That(completions[0], Is.EqualTo(new Completion("خلايا", 2, CompletionKind.Word)));
        Assert.That(completions.Select(c => c.Frequency), Is.Ordered.Descending);
    }

    [Test]
    public void Suggest_prefix_with_a_trailing_space_completes_the_next_word()
    {
        var completions = Engine.Suggest("خلايا ");

        Assert.That(completions.Select(c => (c.Text, c.Kind)), Is.EqualTo(new[] { ("خلايا الكاتيوشا", CompletionKind.Phrase) }));
    }

    [TestCase("بايد", "بايدن")]
    [TestCase("Bid", "Biden")] // a Latin alias of an entity the Arabic articles name
    [TestCase("bid", "Biden")] // case folded
    public void Suggest_prefix_completes_an_entity_name(string prefix, string expected)
    {
        var entity = Engine.Suggest(prefix).FirstOrDefault(c => c.Kind == CompletionKind.Entity);

        Assert.That(entity, Is.Not.Null);
        Assert.That(entity!.Text, Is.EqualTo(expected));
        Assert.That(entity.EntityId, Is.EqualTo("joe-biden"));
        Assert.That(entity.Frequency, Is.GreaterThanOrEqualTo(4));
    }

    [Test]
    public void Suggest_leaves_out_entities_no_article_names()
    {
        Assert.That(Engine.Suggest("Trum"), Is.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("...")]
    public void Suggest_prefix_without_letters_gives_nothing(string prefix)
    {
        Assert.That(Engine.Suggest(prefix), Is.Empty);
    }

    [Test]
    public void Suggest_returns_at_most_count()
    {
        Assert.That(Engine.Suggest("ال", 3), Has.Count.EqualTo(3));
    }

    [TestCase(0)]
    [TestCase(101)]
    public void Suggest_count_out_of_range_throws(int count)
    {
        Assert.That(() => Engine.Suggest("ال", count), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
