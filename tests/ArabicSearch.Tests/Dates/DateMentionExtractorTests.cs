using ArabicSearch.Dates;

namespace ArabicSearch.Tests.Dates;

public class DateMentionExtractorTests
{
    private static string Days(string text, string? published) =>
        string.Join(" ", DateMentionExtractor.Extract(text, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase("آخرها في 29 حزيران/يونيو، حينما قصفت", "2021-07-29", "2021-06-29")] // both month systems together, year from publication
    [TestCase("في 29 يونيو", "2021-07-29", "2021-06-29")]                          // Egyptian month name
    [TestCase("في ٢٩ حزيران", "2021-07-29", "2021-06-29")]                         // Arabic-Indic digits
    [TestCase("في 3 كانون الثاني 2020", "2021-07-29", "2020-01-03")]               // two-word month, explicit year
    [TestCase("منذ 3 تشرين الأول", "2021-02-24", "2020-10-03")]                    // two-word month, year before publication
    [TestCase("في 29 ديسمبر", "2021-01-05", "2020-12-29")]                         // nearest year is last year
    [TestCase("في 15 أغسطس المقبل", "2021-07-29", "2021-08-15")]                   // a coming date
    [TestCase("خلال شهر فبراير الماضي", "2021-07-29", "2021-02-01")]               // a month alone: its first day
    [TestCase("في كانون الثاني (يناير) 2021", null, "2021-01-01")]                 // month and year without publication date
    [TestCase("في 29 حزيران", null, "")]                                           // no year, no publication date: unresolved
    [TestCase("مارس الضغط على الحكومة", "2021-07-29", "")]                        // مارس as a verb is no month
    [TestCase("في 31 شباط", "2021-07-29", "")]                                     // no such day
    [TestCase("الموعد 29/6/2021 ثم", null, "2021-06-29")]                          // numeric day-first
    [TestCase("الموعد 2021-06-29 ثم", null, "2021-06-29")]                         // ISO
    [TestCase("سقط 12 صاروخا", "2021-07-29", "")]                                  // a number is no date
    [TestCase("ولشهر يونيو الماضي", "2021-07-29", "2021-06-01")]                   // issue 12: و + ل before the month word, read by the word model
    [TestCase("وبالعام 2020", null, "")]                                           // ... a year word alone is no date
    [TestCase("في 3 ولأيار 2020", null, "2020-05-03")]                              // ... و + ل on the month name
    public void Extract_calendar_dates(string text, string? published, string expected) =>
        Assert.That(Days(text, published), Is.EqualTo(expected));

    // 2021-02-24 is a Wednesday; 2021-07-29 a Thursday.
    [TestCase("تعرضت مساء الاثنين لهجوم", "2021-02-24", "2021-02-22")]       // the latest Monday before
    [TestCase("قصف صاروخي ليلة السبت", "2021-02-24", "2021-02-20")]          // ليلة السبت
    [TestCase("أفاد البيت الأبيض الأربعاء", "2021-02-24", "2021-02-24")]      // the publication day itself
    [TestCase("فجر الخميس", "2021-07-29", "2021-07-29")]
    [TestCase("في اتصال هاتفي الثلاثاء", "2021-02-24", "2021-02-23")]
    [TestCase("والجمعة", "2021-02-24", "2021-02-19")]                          // attached و
    [TestCase("مساء أمس", "2021-02-24", "2021-02-23")]
    [TestCase("أول أمس", "2021-02-24", "2021-02-22")]
    [TestCase("اليوم الخميس", "2021-07-29", "2021-07-29 2021-07-29")]
    [TestCase("غدا", "2021-07-29", "2021-07-30")]
    [TestCase("غداً", "2021-07-29", "2021-07-30")]                             // tanween dropped by the normalizer
    [TestCase("الاثنين", null, "")]                                            // nothing to resolve against
    [TestCase("وبالجمعة", "2021-02-24", "2021-02-19")]                         // issue 12: و + ب + article, read by the word model
    public void Extract_weekdays_and_relative_days(string text, string? published, string expected) =>
        Assert.That(Days(text, published), Is.EqualTo(expected));

    [Test]
    public void Extract_gives_offsets_into_the_original_text()
    {
        const string text = "ضربات آخرها في 29 حزيران/يونيو، حينما";
        var m = DateMentionExtractor.Extract(text, new DateOnly(2021, 7, 29)).Single();
        Assert.That(text[m.Start..m.End], Is.EqualTo("29 حزيران/يونيو"));
        Assert.That(m.MonthOnly, Is.False);
    }

    [Test]
    public void Extract_never_throws_on_random_text()
    {
        var random = new Random(42);
        const string alphabet = "ابتثجحخدذرسشصضطظعغفقكلمنهوي0123456789٠١٢٣ /-.،:\"”كانونتشرينالأولالثانيأمساليوم";
        for (int n = 0; n < 500; n++)
        {
            var chars = new char[random.Next(0, 60)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            foreach (var m in DateMentionExtractor.Extract(text, new DateOnly(2021, 2, 24)))
                Assert.That(m.Start >= 0 && m.Start < m.End && m.End <= text.Length, Is.True, text);
        }
    }
}
