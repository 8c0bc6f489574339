using ArabicSearch.Analysis;

namespace ArabicSearch.Dates;

/// <summary>A calendar day a text talks about, and where it says so (offsets into the original text).</summary>
/// <param name="Date">The day. A month named without a day stands for its first day.</param>
/// <param name="Start">Offset of the first character of the expression.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="MonthOnly">True when the text names a month but no day.</param>
internal readonly record struct DateMention(DateOnly Date, int Start, int End, bool MonthOnly);

/// <summary>
/// Finds the days a news text mentions:
/// <list type="bullet">
/// <item>a day and a month name of either month system, or both written together, with or without a year:
/// <c>29 حزيران/يونيو</c>، <c>3 كانون الثاني 2021</c>، <c>١٥ فبراير</c> (the normalizer folds Arabic-Indic digits);</item>
/// <item>a month name alone (<c>فبراير</c>، <c>كانون الثاني 2020</c>), taken as the month's first day;</item>
/// <item>numeric dates <c>29/6/2021</c> and <c>2021-06-29</c>;</item>
/// <item>weekdays (<c>الاثنين</c>، <c>يوم الأربعاء</c>، <c>مساء الأربعاء</c>، <c>ليلة السبت</c>) as the latest such day on or before
/// the publication date, and <c>أمس</c>، <c>أول أمس</c>، <c>اليوم</c>، <c>غدا</c> relative to it.</item>
/// </list>
/// A missing year is the one that puts the day nearest the publication date (so "29 December" in a January article
/// is last year's). Without a publication date, only dates with a year are found.
/// </summary>
/// <remarks>A pure function over the normalized words of the text; thread-safe.</remarks>
internal static class DateMentionExtractor
{
    // Month names, normalized. Levantine/Iraqi (Syriac) names, the Egyptian/Gulf (Latin) names, and Maghrebi (French) names.
    private static readonly Dictionary<string, int> SingleWordMonths = BuildMonths(
        ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7), ("آب", 8), ("أيلول", 9),
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("إبريل", 4), ("ابريل", 4), ("مايو", 5), ("يونيو", 6), ("يونيه", 6),
        ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10), ("اكتوبر", 10), ("نوفمبر", 11),
        ("ديسمبر", 12), ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("جوان", 6), ("جويلية", 7), ("أوت", 8));

    private static readonly string Kanun = ArabicNormalizer.Normalize("كانون"), Tishrin = ArabicNormalizer.Normalize("تشرين");
    private static readonly string First = ArabicNormalizer.Normalize("الأول"), Second = ArabicNormalizer.Normalize("الثاني");

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        [ArabicNormalizer.Normalize("الأحد")] = DayOfWeek.Sunday,
        [ArabicNormalizer.Normalize("الاثنين")] = DayOfWeek.Monday,
        [ArabicNormalizer.Normalize("الثلاثاء")] = DayOfWeek.Tuesday,
        [ArabicNormalizer.Normalize("الأربعاء")] = DayOfWeek.Wednesday,
        [ArabicNormalizer.Normalize("الخميس")] = DayOfWeek.Thursday,
        [ArabicNormalizer.Normalize("الجمعة")] = DayOfWeek.Friday,
        [ArabicNormalizer.Normalize("السبت")] = DayOfWeek.Saturday,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = SingleWordMonths.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string Yesterday = ArabicNormalizer.Normalize("أمس"), TheYesterday = ArabicNormalizer.Normalize("الأمس");
    private static readonly string Today = ArabicNormalizer.Normalize("اليوم"), Tomorrow = ArabicNormalizer.Normalize("غدا");
    private static readonly string Before = ArabicNormalizer.Normalize("أول");

    /// <summary>The days <paramref name="text"/> mentions, in text order (a day may repeat).</summary>
    /// <param name="text">The text.</param>
    /// <param name="published">The publication date, which resolves weekdays, relative days and missing years.</param>
    public static IReadOnlyList<DateMention> Extract(string text, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(new JoinedText(text, null), TextWords.Split(text), published);
    }

    /// <summary>
    /// The distinct days of <paramref name="first"/> + <c>\n</c> + <paramref name="second"/> (a headline and a body), from
    /// their words already split, without joining the strings: the same days as <c>DistinctDays(first + "\n" + second)</c>.
    /// </summary>
    internal static IEnumerable<DateOnly> DistinctDays(string first, List<TextWord> firstWords, string second, List<TextWord> secondWords, DateOnly? published)
    {
        // Words never span the line break, so the joined text's words are the headline's, then the body's shifted past it.
        var words = new List<TextWord>(firstWords.Count + secondWords.Count);
        words.AddRange(firstWords);
        int shift = first.Length + 1;
        foreach (var w in secondWords) words.Add(w with { Start = w.Start + shift, End = w.End + shift });
        var found = Extract(new JoinedText(first, second), words, published);
        if (found.Count == 0) return [];
        var days = new List<DateOnly>(found.Count);
        foreach (var m in found) if (!days.Contains(m.Date)) days.Add(m.Date);
        return days;
    }

    private static List<DateMention> Extract(JoinedText text, List<TextWord> words, DateOnly? published)
    {
        var found = new List<DateMention>();
        for (int i = 0; i < words.Count; i++)
        {
            int used = TryCalendarDate(text, words, i, published, found);
            if (used == 0) used = TryNumericDate(text, words, i, found);
            if (used == 0 && published is { } p) used = TryRelativeDay(words, i, p, found);
            if (used > 0) i += used - 1;
        }
        return found;
    }

    /// <summary>The distinct days of <see cref="Extract(string, DateOnly?)"/>, for indexing.</summary>
    internal static IEnumerable<DateOnly> DistinctDays(string text, DateOnly? published) => Extract(text, published).Select(m => m.Date).Distinct();

    /// <summary>[day] month [/month] [year]; returns the number of words used.</summary>
    private static int TryCalendarDate(JoinedText text, List<TextWord> words, int i, DateOnly? published, List<DateMention> found)
    {
        int at = i;
        int? day = null;
        if (IsNumber(words[at].Text, 1, 31, out int d) && at + 1 < words.Count && MonthAt(words, at + 1, out _) > 0)
        {
            day = d;
            at++;
        }
        int monthWords = MonthAt(words, at, out int month);
        if (monthWords == 0) return 0;
        at += monthWords;
        // A second month name for the same month: حزيران/يونيو, كانون الثاني (يناير).
        if (at < words.Count)
        {
            int more = MonthAt(words, at, out int other);
            if (more > 0 && other == month) at += more;
        }
        int? year = null;
        if (at < words.Count && IsNumber(words[at].Text, 1900, 2100, out int y)) { year = y; at++; }
        else if (at + 1 < words.Count && IsYearWord(words[at].Text) && IsNumber(words[at + 1].Text, 1900, 2100, out y)) { year = y; at += 2; }
        if (day is null && year is null && !StandsAlone(text, words, i, at))
            return 0; // "مارس" is also a verb ("he practised"): a bare month name must stand on its own
        int resolvedYear;
        if (year is { } yy) resolvedYear = yy;
        else if (published is { } p) resolvedYear = NearestYear(p, month, day ?? 1);
        else return at - i;
        int dayOfMonth = day ?? 1;
        if (dayOfMonth > DateTime.DaysInMonth(resolvedYear, month)) return at - i;
        found.Add(new DateMention(new DateOnly(resolvedYear, month, dayOfMonth), words[i].Start, words[at - 1].End, day is null));
        return at - i;
    }

    /// <summary>
    /// A bare month name counts when a date word leads it (في، شهر، منذ، حتى، مطلع، نهاية…) or punctuation or a month-year follows.
    /// </summary>
    private static bool StandsAlone(JoinedText text, List<TextWord> words, int first, int end)
    {
        if (first > 0)
        {
            foreach (var prev in ArabicWord.WithoutProclitics(words[first - 1].Text)) // وفي، بشهر، ولشهر
                if (MonthLeads.Contains(prev)) return true;
        }
        if (end >= words.Count) return true;
        for (int c = words[end - 1].End; c < words[end].Start; c++)
            if (!char.IsWhiteSpace(text[c])) return true;
        return false;
    }

    private static readonly HashSet<string> MonthLeads = new(new[]
    {
        "في", "فى", "شهر", "منذ", "حتى", "مطلع", "بداية", "أوائل", "منتصف", "أواسط", "أواخر", "نهاية", "خلال", "قبل", "بعد",
        "من", "الى", "إلى", "وفي", "ففي",
    }.Select(ArabicNormalizer.Normalize), StringComparer.Ordinal);

    /// <summary>The month a month name starting at word <paramref name="i"/> stands for; returns the words it takes (0: none).</summary>
    private static int MonthAt(List<TextWord> words, int i, out int month)
    {
        month = 0;
        if (i >= words.Count) return 0;
        string w = words[i].Text;
        if (!MayEndADateWord(w)) return 0;
        var forms = new ProcliticForms(w, words[i].HamzaMask, stackalloc char[w.Length + 2]); // ويونيو، بمارس، لأيار
        while (forms.MoveNext())
            if (MonthLookup.TryGetValue(forms.Current, out month)) return 1;
        if (i + 1 < words.Count && (w == Kanun || w == Tishrin))
        {
            string n = words[i + 1].Text;
            if (n == First) { month = w == Kanun ? 12 : 10; return 2; }
            if (n == Second) { month = w == Kanun ? 1 : 11; return 2; }
        }
        month = 0;
        return 0;
    }

    /// <summary>29/6/2021, 29-6-2021, 29.6.2021 or 2021-06-29: three numbers joined by one separator character each.</summary>
    private static int TryNumericDate(JoinedText text, List<TextWord> words, int i, List<DateMention> found)
    {
        if (i + 2 >= words.Count) return 0;
        for (int k = i; k < i + 2; k++)
        {
            if (words[k + 1].Start - words[k].End != 1) return 0;
            char sep = text[words[k].End];
            if (sep is not ('/' or '-' or '.')) return 0;
        }
        if (!IsNumber(words[i].Text, 0, 9999, out int a) || !IsNumber(words[i + 1].Text, 1, 12, out int b) || !IsNumber(words[i + 2].Text, 0, 9999, out int c)) return 0;
        int year, month, day;
        if (words[i].Text.Length == 4) (year, month, day) = (a, b, c);
        else if (words[i + 2].Text.Length == 4) (year, month, day) = (c, b, a);
        else return 0;
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return 0;
        found.Add(new DateMention(new DateOnly(year, month, day), words[i].Start, words[i + 2].End, false));
        return 3;
    }

    /// <summary>Weekdays and أمس/اليوم/غدا, resolved against the publication date.</summary>
    private static int TryRelativeDay(List<TextWord> words, int i, DateOnly published, List<DateMention> found)
    {
        string w = words[i].Text;
        if (!MayEndADateWord(w)) return 0;
        var forms = new ProcliticForms(w, 0, stackalloc char[w.Length + 2]); // والأربعاء
        bool isWeekday = false;
        DayOfWeek weekday = default;
        while (!isWeekday && forms.MoveNext()) isWeekday = WeekdayLookup.TryGetValue(forms.Current, out weekday);
        if (isWeekday)
        {
            int back = ((int)published.DayOfWeek - (int)weekday + 7) % 7;
            found.Add(new DateMention(published.AddDays(-back), words[i].Start, words[i].End, false));
            return 1;
        }
        if (w == Before && i + 1 < words.Count && (words[i + 1].Text == Yesterday || words[i + 1].Text == TheYesterday))
        {
            found.Add(new DateMention(published.AddDays(-2), words[i].Start, words[i + 1].End, false));
            return 2;
        }
        int offset;
        if (w == Yesterday || w == TheYesterday) offset = -1;
        else if (w == Today) offset = 0;
        else if (w == Tomorrow) offset = 1;
        else return 0;
        // "اليوم الخميس": the weekday that follows names the same day; let it be found on its own.
        found.Add(new DateMention(published.AddDays(offset), words[i].Start, words[i].End, false));
        return 1;
    }

    /// <summary>
    /// False when <paramref name="w"/> cannot be a month, weekday or relative-day word in any of its forms: the forms
    /// only drop proclitics from the front (or write the article back), so a match ends the word with the name, or with
    /// the name after its article. Checked on the last two characters, folded to 8 bits each (a collision only lets a
    /// word through to the full look-up), so nearly every word of a text is passed over at once.
    /// </summary>
    private static bool MayEndADateWord(string w) => w.Length >= 2 && DateWordEndings[(w[^2] & 0xFF) << 8 | (w[^1] & 0xFF)];

    private static readonly bool[] DateWordEndings = BuildEndings();

    private static bool[] BuildEndings()
    {
        var endings = new bool[1 << 16];
        var names = SingleWordMonths.Keys.Concat(Weekdays.Keys).Concat([Kanun, Tishrin, Yesterday, TheYesterday, Today, Tomorrow, Before]);
        foreach (var name in names)
        {
            foreach (var tail in name.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? new[] { name, name[2..] } : [name])
            {
                if (tail.Length < 2)
                {
                    Array.Fill(endings, true); // a name too short to judge by two characters: no shortcut
                    return endings;
                }
                endings[(tail[^2] & 0xFF) << 8 | (tail[^1] & 0xFF)] = true;
            }
        }
        return endings;
    }

    /// <summary>A text, or two joined by a line break, read by index without building the joined string.</summary>
    private readonly struct JoinedText(string first, string? second)
    {
        public char this[int i] => second is null || i < first.Length ? first[i] : i == first.Length ? '\n' : second[i - first.Length - 1];
    }

    private static int NearestYear(DateOnly published, int month, int day)
    {
        int best = published.Year;
        int bestDistance = int.MaxValue;
        for (int y = published.Year - 1; y <= published.Year + 1; y++)
        {
            if (day > DateTime.DaysInMonth(y, month)) continue;
            int distance = Math.Abs(new DateOnly(y, month, day).DayNumber - published.DayNumber);
            if (distance < bestDistance) { best = y; bestDistance = distance; }
        }
        return best;
    }

    /// <summary>عام or سنة, with or without the article and proclitics (لعام، وعام، بالعام) as the word model reads them.</summary>
    private static bool IsYearWord(string w)
    {
        Span<WordSplit> splits = stackalloc WordSplit[ArabicWord.MaxSplits];
        int count = ArabicWord.Splits(w, 0, splits);
        for (int i = 0; i < count; i++)
        {
            var bare = w.AsSpan(splits[i].Start); // ArabicWord.BareWords, without a string per reading
            if (bare.SequenceEqual("عام") || bare.SequenceEqual("سنه")) return true;
        }
        return false;
    }

    private static bool IsNumber(string w, int min, int max, out int value)
    {
        if (w.Length <= 4 && int.TryParse(w, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
            return true;
        value = 0;
        return false;
    }

    private static Dictionary<string, int> BuildMonths(params (string Name, int Month)[] names)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, month) in names) map[ArabicNormalizer.Normalize(name)] = month;
        return map;
    }
}
