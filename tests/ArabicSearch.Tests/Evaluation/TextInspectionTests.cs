using ArabicSearch.Evaluation;

namespace ArabicSearch.Tests.Evaluation;

public class TextInspectionTests
{
    [Test]
    public void Dates_are_the_mentions_indexing_finds_with_their_offsets()
    {
        const string text = "قال مسؤول الاثنين إن الهجوم وقع في 3 كانون الثاني 2021";
        var dates = TextInspection.Dates(text, new DateOnly(2021, 2, 24));
        Assert.That(dates.Select(d => (d.Date, text[d.Start..d.End], d.MonthOnly)), Is.EqualTo(new[]
        {
            (new DateOnly(2021, 2, 22), "الاثنين", false),
            (new DateOnly(2021, 1, 3), "3 كانون الثاني 2021", false),
        }));
    }
}
