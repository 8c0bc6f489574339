namespace ArabicSearch.Tests.Dates;

/// <summary>
/// A search by mentioned date matches an article because its text names a day in the range: that mention is marked,
/// as the words of a text search are, so the hit shows why it matched.
/// </summary>
public class MentionedDateMarkTests
{
    private const string Body = "وقال الوزير أمس إن الاتفاق الذي وقع في 5 يوليو سيعرض على البرلمان";

    private static ArabicSearchEngine Engine()
    {
        var engine = ArabicSearchEngine.CreateInMemory();
        engine.AddOrUpdate(new Article("a", Body) { Title = "الوزير يتحدث أمس عن الاتفاق", Published = new DateOnly(2021, 7, 10) });
        engine.Commit();
        return engine;
    }

    private static List<string> Marked(string text, IReadOnlyList<TextSpan> spans) => spans.Select(s => text.Substring(s.Start, s.Length)).ToList();

    [Test]
    public void The_mention_of_a_day_in_the_range_is_marked_and_no_other()
    {
        using var engine = Engine();
        var day = new DateOnly(2021, 7, 9); // أمس, from a paper of 10 July
        var hit = engine.Search(new SearchRequest { DateField = DateField.Mentioned, From = day, To = day }).Hits.Single();
        Assert.That(Marked(Body, hit.Highlights), Is.EqualTo(new[] { "أمس" }));
        Assert.That(Marked(hit.Title, hit.TitleHighlights), Is.EqualTo(new[] { "أمس" }));
    }

    [Test]
    public void A_date_written_out_is_marked_with_the_words_of_the_query()
    {
        using var engine = Engine();
        var hit = engine.Search(new SearchRequest { Text = "الاتفاق", DateField = DateField.Mentioned, From = new DateOnly(2021, 7, 5), To = new DateOnly(2021, 7, 5) }).Hits.Single();
        Assert.That(Marked(Body, hit.Highlights), Is.EqualTo(new[] { "الاتفاق", "5 يوليو" }));
    }

    [Test]
    public void A_search_by_publication_date_marks_no_mention()
    {
        using var engine = Engine();
        var hit = engine.Search(new SearchRequest { From = new DateOnly(2021, 7, 1), To = new DateOnly(2021, 7, 31) }).Hits.Single();
        Assert.That(hit.Highlights, Is.Empty);
    }
}
