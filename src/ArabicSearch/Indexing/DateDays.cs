namespace ArabicSearch.Indexing;

/// <summary>Dates as Lucene stores them: whole days since 1970-01-01.</summary>
internal static class DateDays
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    public static int ToDays(DateOnly date) => date.DayNumber - Epoch;

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(days + Epoch);
}
