using System.Globalization;

namespace ArabicSearch.Ingestion;

/// <summary>Parses publication dates as feeds write them.</summary>
public static class DateParsing
{
    private static readonly string[] IsoDateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd"];

    /// <summary>An ISO 8601 date or date-time (with or without offset); the calendar date as written is kept.</summary>
    public static bool TryParseIso(string text, out DateOnly date)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, IsoDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto)
            && text.Length >= 10 && char.IsDigit(text[0]))
        {
            date = DateOnly.FromDateTime(dto.DateTime);
            return true;
        }
        date = default;
        return false;
    }
}
