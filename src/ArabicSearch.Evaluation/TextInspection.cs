using ArabicSearch.Dates;

namespace ArabicSearch.Evaluation;

/// <summary>A day a text mentions, as indexing finds it for <see cref="DateField.Mentioned"/>.</summary>
/// <param name="Date">The day. A month named without a day stands for its first day.</param>
/// <param name="Start">Offset of the first character of the expression.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="MonthOnly">True when the text names a month but no day.</param>
public sealed record MentionedDate(DateOnly Date, int Start, int End, bool MonthOnly);

/// <summary>
/// Shows what indexing extracts from a text that the library keeps internal, for the console host's
/// <c>entities</c> command. The library's date extraction is not part of its package API.
/// </summary>
public static class TextInspection
{
    /// <summary>The days <paramref name="text"/> mentions, in text order (a day may repeat).</summary>
    /// <param name="text">The text.</param>
    /// <param name="published">The publication date, which resolves weekdays, relative days and missing years.</param>
    public static IReadOnlyList<MentionedDate> Dates(string text, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateMentionExtractor.Extract(text, published).Select(m => new MentionedDate(m.Date, m.Start, m.End, m.MonthOnly)).ToList();
    }
}
