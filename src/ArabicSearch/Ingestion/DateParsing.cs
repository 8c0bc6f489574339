using System.Globalization;

namespace ArabicSearch.Ingestion;

/// <summary>Parses publication dates as feeds write them.</summary>
/// <remarks>
/// Every parser keeps the calendar date as written: <c>2018-02-26T23:30:00-05:00</c> is 26 February, not its UTC
/// day, because that is the day the outlet dated the article.
/// </remarks>
internal static class DateParsing
{
    private static readonly string[] IsoDateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd"];

    // ISO 8601 shapes .NET's general parser does not take: the basic (colon-less) time, seen in ANT v1.1 as
    // 2017-01-22T185600, with or without an offset.
    private static readonly string[] IsoBasicFormats =
    [
        "yyyy-MM-dd'T'HHmmss", "yyyy-MM-dd'T'HHmm", "yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm",
        "yyyy-MM-dd'T'HHmmsszzz", "yyyyMMdd'T'HHmmsszzz", "yyyy-MM-dd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmss'Z'",
    ];

    // Day first, as Arabic and European outlets write numeric dates (ANT v1.1: 25/05/2017), optionally with a time.
    private static readonly string[] DayFirstFormats =
    [
        "d/M/yyyy", "d-M-yyyy", "d.M.yyyy",
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d-M-yyyy H:mm", "d-M-yyyy H:mm:ss", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss",
    ];

    private static readonly string[] MonthFirstFormats = ["M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss"];

    // RFC 1123 / RFC 822 as RSS feeds write them, without the zone (handled separately): "Mon, 26 Feb 2018 02:20:10",
    // also without the weekday or the seconds, and with a full month name.
    private static readonly string[] RfcFormats =
    [
        "ddd, d MMM yyyy HH:mm:ss", "ddd, d MMM yyyy HH:mm", "d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm",
        "ddd, d MMMM yyyy HH:mm:ss", "ddd, d MMMM yyyy HH:mm", "d MMMM yyyy HH:mm:ss", "d MMMM yyyy HH:mm",
        "ddd, d MMM yyyy", "d MMM yyyy", "ddd, d MMMM yyyy", "d MMMM yyyy",
        "ddd, d MMM yy HH:mm:ss", "d MMM yy HH:mm:ss",
    ];

    // Zone names RFC 822 allows after the time, plus the common Arab-world ones feeds emit.
    private static readonly string[] ZoneNames =
    [
        "GMT", "UTC", "UT", "Z", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AST", "EET", "EEST", "CET", "CEST",
    ];

    /// <summary>An ISO 8601 date or date-time (with or without offset); the calendar date as written is kept.</summary>
    public static bool TryParseIso(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (DateOnly.TryParseExact(text, IsoDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // Year first, always: "02/05/2016" is not ISO, and the general parser would read it month first.
        if (text.Length < 10 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[2]) || !char.IsAsciiDigit(text[3]))
        {
            date = default;
            return false;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
        {
            date = DateOnly.FromDateTime(dto.DateTime);
            return true;
        }
        if (DateTimeOffset.TryParseExact(text, IsoBasicFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out dto))
        {
            date = DateOnly.FromDateTime(dto.DateTime);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>
    /// A publication date in any form news feeds use: ISO 8601 (also the basic, colon-less time), RFC 1123 / RFC 822
    /// with <c>GMT</c>, a zone name or a numeric offset (<c>Mon, 26 Feb 2018 02:20:10 +0300</c>), and numeric day-first
    /// dates (<c>25/05/2017</c>, <c>25-05-2017</c>, <c>25.05.2017</c>, optionally with a time). The calendar date as
    /// written is kept.
    /// </summary>
    /// <remarks>
    /// A slashed date is read day first; only when that is impossible and month first is not (<c>05/25/2017</c>) is it
    /// read month first. The year must lie between 1900 and 2199.
    /// </remarks>
    public static bool TryParse(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = CollapseWhitespace(text);
        if (text.Length > 0 && (TryParseNumeric(text, out date) || TryParseIso(text, out date) || TryParseRfc(text, out date)) && Plausible(date))
            return true;
        date = default;
        return false;
    }

    /// <summary>
    /// The date a document number ends in, as ANT v1.1 writes them: <c>JA-culture-1-20170120</c> (yyyyMMdd) or
    /// <c>JA-diverse-41-09062016</c> (ddMMyyyy).
    /// </summary>
    public static bool TryParseTrailingDigits(string docNo, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(docNo);
        date = default;
        int start = docNo.Length;
        while (start > 0 && char.IsAsciiDigit(docNo[start - 1])) start--;
        if (docNo.Length - start != 8 || (start > 0 && char.IsAsciiLetterOrDigit(docNo[start - 1]))) return false;
        var digits = docNo.AsSpan(start);
        return (DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && Plausible(date))
            || (DateOnly.TryParseExact(digits, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && Plausible(date));
    }

    private static bool TryParseRfc(string text, out DateOnly date)
    {
        date = default;
        if (!char.IsAsciiLetter(text[0]) && !char.IsAsciiDigit(text[0])) return false;
        // Split off a trailing zone: a numeric offset (+0300, -05:00) or a zone name (GMT, UTC, EST, ...).
        string rest = text;
        int lastSpace = text.LastIndexOf(' ');
        if (lastSpace > 0)
        {
            var zone = text.AsSpan(lastSpace + 1);
            if (IsNumericOffset(zone) || IsZoneName(zone)) rest = text[..lastSpace];
        }
        if (DateTime.TryParseExact(rest, RfcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        // A wrong weekday name ("Tue, 26 Feb 2018" when that was a Monday) fails the weekday check; the date stands.
        int comma = rest.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && comma <= 10
            && DateTime.TryParseExact(rest[(comma + 1)..].Trim(), RfcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        return false;
    }

    private static bool TryParseNumeric(string text, out DateOnly date)
    {
        date = default;
        if (!char.IsAsciiDigit(text[0])) return false;
        if (DateTime.TryParseExact(text, DayFirstFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
            || DateTime.TryParseExact(text, MonthFirstFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        return false;
    }

    private static bool IsNumericOffset(ReadOnlySpan<char> s)
    {
        if (s.Length is not (5 or 6) || (s[0] != '+' && s[0] != '-')) return false;
        foreach (var c in s[1..])
            if (!char.IsAsciiDigit(c) && c != ':') return false;
        return true;
    }

    private static bool IsZoneName(ReadOnlySpan<char> s)
    {
        foreach (var z in ZoneNames)
            if (s.Equals(z, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool Plausible(DateOnly d) => d.Year is >= 1900 and < 2200;

    private static string CollapseWhitespace(string text)
    {
        text = text.Trim();
        if (text.IndexOf("  ", StringComparison.Ordinal) < 0 && text.IndexOfAny(['\t', '\n', '\r', '\u00A0']) < 0) return text;
        var parts = text.Split([' ', '\t', '\n', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts);
    }
}
