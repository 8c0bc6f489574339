namespace ArabicSearch.Tests.Querying;

/// <summary>"Did you mean" (issue #17, 2) on the seed corpus: corrections from the index's words and the gazetteer's aliases.</summary>
public class DidYouMeanTests : SeedEngineFixture
{
    [TestCase("بايدين", "بايدن")] // an extra letter
    [TestCase("الكاتيوشو", "الكاتيوشا")] // a wrong last letter; shown as a headline wrote it
    [TestCase("التحالوف", "التحالف")] // a body word
    public void Search_misspelled_word_suggests_the_index_word(string typed, string expected)
    {
        var results = Engine.Search(new SearchRequest { Text = typed });

        // The loose view may still match a misspelling; the word is in no article as typed, so it gets corrections.
        Assert.That(results.Suggestions, Is.Not.Null);
        Assert.That(results.Suggestions!.Words.Single().Word, Is.EqualTo(typed));
        Assert.That(results.Suggestions.Words.Single().Suggestions[0], Is.EqualTo(expected));
    }

    [Test]
    public void Search_misspelled_word_gives_a_corrected_query_keeping_the_other_words()
    {
        var results = Engine.Search(new SearchRequest { Text = "الكاتيوشو في العراق" });

        Assert.That(results.Suggestions?.CorrectedText, Is.EqualTo("الكاتيوشا في العراق"));
        Assert.That(results.Suggestions!.Words.Select(w => w.Word), Is.EqualTo(new[] { "الكاتيوشو" }));
    }

    [TestCase("بايدن")]
    [TestCase("بايدن الكاتيوشا المحاسبه")] // المحاسبه (as normalized) is in two articles: with hits, only absent words are corrected
    [TestCase("الكاتيوشا العراق")]
    public void Search_with_hits_and_known_words_has_no_suggestions(string text)
    {
        Assert.That(Engine.Search(new SearchRequest { Text = text }).Suggestions, Is.Null);
    }

    [Test]
    public void Search_corrects_a_typo_typed_twice_in_both_places()
    {
        var results = Engine.Search(new SearchRequest { Text = "الكاتيوشو في العراق الكاتيوشو" });

        Assert.That(results.Suggestions?.CorrectedText, Is.EqualTo("الكاتيوشا في العراق الكاتيوشا"));
        Assert.That(results.Suggestions!.Words.Select(w => w.Word), Is.EqualTo(new[] { "الكاتيوشو" }), "listed once");
    }

    [Test]
    public void Search_corrects_at_most_MaxWalks_words()
    {
        // Twelve distinct misspellings, each one letter from a body word: only the first eight are looked up.
        var typed = Enumerable.Range(1, 6).Select(i => "التحالف".Insert(i, "ظ"))
            .Concat(Enumerable.Range(2, 6).Select(i => "الكاتيوشا".Insert(i, "ظ"))).ToList();
        var results = Engine.Search(new SearchRequest { Text = string.Join(" ", typed) });

        Assert.That(results.Suggestions, Is.Not.Null);
        Assert.That(results.Suggestions!.Words.Select(w => w.Word), Is.EqualTo(typed.Take(ArabicSearch.Querying.SpellingSuggester.MaxWalks)));
    }

    [Test]
    public void Search_does_not_correct_a_word_longer_than_any_Arabic_word()
    {
        string word = string.Concat(Enumerable.Repeat("التحالف", 5)); // 35 letters
        var results = Engine.Search(new SearchRequest { Text = word });
        Assert.That(results.Suggestions, Is.Null);
        Assert.That(results.Notices, Has.None.Contains("near spelling"));
    }

    [TestCase("قثف")] // three letters: too short to correct
    [TestCase("zzzzzzzzzz")] // nothing near it
    public void Search_unknown_word_without_a_near_index_word_has_no_suggestions(string text)
    {
        Assert.That(Engine.Search(new SearchRequest { Text = text }).Suggestions, Is.Null);
    }

    [TestCase("Trmp", "Trump")]
    [TestCase("Bidn", "Biden")]
    [TestCase("ترامبو", "ترامب")]
    public void Search_unknown_entity_suggests_gazetteer_aliases(string name, string expected)
    {
        var results = Engine.Search(new SearchRequest { Entities = [name] });

        var entity = results.Suggestions?.Words.SingleOrDefault(w => w.IsEntity);
        Assert.That(entity, Is.Not.Null, "an unknown entity gets suggestions");
        Assert.That(entity!.Word, Is.EqualTo(name));
        Assert.That(entity.Suggestions[0], Is.EqualTo(expected));
    }

    [Test]
    public void Search_known_entity_has_no_suggestions()
    {
        Assert.That(Engine.Search(new SearchRequest { Entities = ["Biden"] }).Suggestions, Is.Null);
    }

    [Test]
    public void BoundedEditDistance_equals_the_full_table_within_the_bound()
    {
        // Random words over a small alphabet (so that transpositions and near misses are common), every bound 0 to 3.
        var random = new Random(16);
        string Word() => new(Enumerable.Range(0, random.Next(0, 9)).Select(_ => "ابتثج"[random.Next(5)]).ToArray());
        for (int i = 0; i < 20_000; i++)
        {
            string a = Word(), b = Word();
            int max = random.Next(0, 4), full = ArabicSearch.Querying.SpellingSuggester.EditDistance(a, b);
            Assert.That(ArabicSearch.Querying.SpellingSuggester.BoundedEditDistance(a, b, max), Is.EqualTo(Math.Min(full, max + 1)), $"{a} / {b}, bound {max}");
            // The letter masks that skip most aliases never skip one within reach: each edit changes at most two bits.
            ulong differ = ArabicSearch.Querying.AliasIndex.LetterMask(a) ^ ArabicSearch.Querying.AliasIndex.LetterMask(b);
            Assert.That(System.Numerics.BitOperations.PopCount(differ), Is.LessThanOrEqualTo(2 * full), $"{a} / {b}");
        }
    }
}
