using ArabicSearch.Ingestion;

namespace ArabicSearch.Tests.Ingestion;

/// <summary>Every TIME shape found in the ANT collections, and the other forms feeds use; the calendar date as written is kept.</summary>
public class DateParsingTests
{
    [TestCase("Mon, 26 Feb 2018 02:20:10 GMT", "2018-02-26")]       // ANT multisource: RFC 1123, GMT
    [TestCase("Mon, 26 Feb 2018 23:20:10 +0300", "2018-02-26")]     // ANT multisource: RFC 1123, numeric offset
    [TestCase("Sun, 4 Mar 2018 23:50:00 -0500", "2018-03-04")]      // one-digit day; the date as written, not UTC's
    [TestCase("2017-01-26T08:31:00+01:00", "2017-01-26")]           // ANT v1.1: ISO 8601 with offset
    [TestCase("25/05/2017", "2017-05-25")]                          // ANT v1.1: day first
    [TestCase("02/05/2016", "2016-05-02")]                          // day first even when month first would fit
    [TestCase("2017-01-22T185600", "2017-01-22")]                   // ANT v1.1: ISO 8601 basic time, no colons
    [TestCase("2021-07-03", "2021-07-03")]                          // ISO date
    [TestCase("2021-07-03T10:00:00Z", "2021-07-03")]                // ISO UTC
    [TestCase("20210703", "2021-07-03")]                            // ISO basic date
    [TestCase("26 Feb 2018 02:20:10 GMT", "2018-02-26")]            // RFC 822 without weekday
    [TestCase("Mon, 26 Feb 2018 02:20 EST", "2018-02-26")]          // RFC 822 zone name, no seconds
    [TestCase("Tue, 26 Feb 2018 02:20:10 GMT", "2018-02-26")]       // wrong weekday: the date stands
    [TestCase("Monday, 26 February 2018", "2018-02-26")]            // full names
    [TestCase("  Mon,  26 Feb 2018\t02:20:10 GMT ", "2018-02-26")]  // stray whitespace
    [TestCase("25-05-2017", "2017-05-25")]                          // day first with dashes
    [TestCase("25.05.2017 14:30", "2017-05-25")]                    // day first with dots and a time
    [TestCase("05/25/2017", "2017-05-25")]                          // month first only when day first is impossible
    public void TryParse_reads_feed_dates(string text, string expected)
    {
        Assert.That(DateParsing.TryParse(text, out var date), Is.True);
        Assert.That(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("soon")]
    [TestCase("32/13/2017")]
    [TestCase("2021-02-30")]
    [TestCase("Mon, 30 Feb 2018 02:20:10 GMT")]
    [TestCase("01/01/0099")]
    [TestCase("12345")]
    public void TryParse_rejects_non_dates(string text) => Assert.That(DateParsing.TryParse(text, out _), Is.False);

    [TestCase("2021-07-03", true)]
    [TestCase("2021-07-03T10:00:00+03:00", true)]
    [TestCase("02/05/2016", false)] // not ISO: the general parser would have read it month first
    public void TryParseIso_accepts_year_first_only(string text, bool ok) => Assert.That(DateParsing.TryParseIso(text, out _), Is.EqualTo(ok));

    [TestCase("JA-culture-1-20170120", "2017-01-20")]   // yyyyMMdd
    [TestCase("JA-diverse-41-09062016", "2016-06-09")]  // ddMMyyyy
    public void TryParseTrailingDigits_reads_docno_dates(string docNo, string expected)
    {
        Assert.That(DateParsing.TryParseTrailingDigits(docNo, out var date), Is.True);
        Assert.That(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [TestCase("JA-localNews-166-00000000")]
    [TestCase("JA-localNews-608-1101201")]
    [TestCase("92")]
    [TestCase("X-120170120")]
    public void TryParseTrailingDigits_rejects_docnos_without_a_date(string docNo) =>
        Assert.That(DateParsing.TryParseTrailingDigits(docNo, out _), Is.False);
}
