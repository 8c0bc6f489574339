using ArabicSearch.Analysis;

namespace ArabicSearch.Entities;

/// <summary>
/// Finds names the gazetteer does not know, from the words around them:
/// <list type="bullet">
/// <item>persons after a title (<c>الرئيس، رئيس الوزراء، الناطق باسم …، اللواء، الباحث، وزير الخارجية …</c>), skipping the
/// title's complement and descriptors (<c>رئيسة مجلس النواب الأمريكي نانسي بيلوسي</c>);</item>
/// <item>facilities with their head word (<c>قاعدة بلد الجوية، مطار …، معبر …</c>);</item>
/// <item>places after an administrative word, without it (<c>محافظة صلاح الدين، مدينة الموصل</c>);</item>
/// <item>organizations with their head word (<c>وكالة الأنباء العراقية، منظمة الصحة العالمية</c>).</item>
/// </list>
/// Names are cut at punctuation (quotes excepted, so <c>شركة “ساليبورتر”</c> works), at function words and at words
/// that are rarely part of names. Gazetteer matches win: a rule never covers a word the gazetteer matched.
/// </summary>
/// <remarks>A pure algorithm over the normalized words of a text; the word lists are read-only, so it is thread-safe.</remarks>
internal static class NameRules
{
    // Titles and roles before a person's name, as written (with or without the article, as they are used).
    private static readonly HashSet<string> PersonTitles = Set(
        "الرئيس", "رئيس", "الرئيسة", "رئيسة", "الوزير", "وزير", "الوزيرة", "وزيرة", "نائب", "النائب", "النائبة",
        "الناطق", "المتحدث", "الناطقة", "المتحدثة", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "الجنرال", "المشير",
        "الباحث", "الباحثة", "الكاتب", "الكاتبة", "المحلل", "الخبير", "الصحفي", "الصحافي", "الصحفية", 
        "الشيخ", "السيد", "السيدة", "الدكتور", "الدكتورة", "د", "السفير", "السفيرة", "الأمير", "الأميرة", "الملك", "الملكة",
        "المبعوث", "المبعوثة", "الأمين", "أمين", "القائد", "قائد", "زعيم", "الزعيم", "المرشد", "المستشار", "مستشار",
        "الفنان", "الفنانة", "النجم", "النجمة", "المطرب", "المطربة", "المغني", "المغنية", "الممثل", "الممثلة", "المخرج",
        "اللاعب", "اللاعبة", "المدرب", "المهاجم", "الحارس", "المدافع", "الأستاذ", "البروفيسور", "القاضي", "المحامي",
        "الإعلامي", "الإعلامية", "المذيع", "المذيعة", "الشاعر", "الروائي", "المغرد", "الناشط", "الناشطة", "المعارض",
        "محافظ", "المحافظ", "عمدة", "العاهل", "ولي", "البابا", "الحاخام", "الإمام", "المفتي");

    // Words of a title's complement that are not followed by the article: the head of an idafa (مجلس النواب، باسم القائد).
    private static readonly HashSet<string> ComplementHeads = Set(
        "باسم", "مجلس", "هيئة", "وزارة", "حركة", "حزب", "منظمة", "جامعة", "مركز", "شركة", "أركان", "جهاز", "قوات", "دائرة",
        "مكتب", "لجنة", "اتحاد", "نادي", "فريق", "منتخب", "جمهورية", "دولة", "عام", "إدارة", "سلطة", "بعثة", "مؤسسة",
        "مجموعة", "تحالف", "ائتلاف", "كتلة", "تيار", "جبهة", "وكالة", "صحيفة", "قناة", "موقع", "معهد", "مديرية", "قيادة",
        "شؤون", "حكومة", "بلدية", "سابق", "سابقا");

    // Facilities: the head word is part of the name (قاعدة بلد الجوية، مطار بغداد الدولي).
    private static readonly HashSet<string> FacilityHeads = Set(
        "قاعدة", "مطار", "معبر", "مخيم", "ميناء", "سجن", "جامع", "مسجد", "مستشفى", "جسر", "سد", "شارع", "ساحة", "ملعب",
        "استاد", "قصر", "فندق", "كنيسة");

    // Administrative and natural areas: the head word is a descriptor, the name follows it (محافظة صلاح الدين).
    private static readonly HashSet<string> AreaHeads = Set(
        "محافظة", "ولاية", "مدينة", "بلدة", "قرية", "إقليم", "قضاء", "ناحية", "جزيرة", "جزر", "منطقة", "مقاطعة",
        "إمارة", "نهر", "جبل", "جبال", "بحيرة", "صحراء", "وادي", "خليج", "مضيق", "عاصمة", "العاصمة");

    // Organizations: the head word is part of the name (وكالة الأنباء العراقية).
    private static readonly HashSet<string> OrgHeads = Set(
        "وكالة", "منظمة", "حركة", "حزب", "جامعة", "شركة", "مجلس", "هيئة", "جبهة", "جمعية", "مؤسسة", "صحيفة", "جريدة", "قناة",
        "وزارة", "اتحاد", "نادي", "منتخب", "بنك", "مصرف", "محكمة", "مركز", "معهد", "لجنة", "تحالف", "ائتلاف", "كتلة", "تيار",
        "مجموعة", "إذاعة", "مجلة", "صندوق", "برلمان", "جيش", "ميليشيا", "كتائب", "لواء", "فيلق", "أكاديمية", "بورصة");

    // Words that end a facility's name and belong to it (قاعدة بلد الجوية، مطار رفيق الحريري الدولي).
    private static readonly HashSet<string> FacilityTails = Set("الجوية", "البحرية", "العسكرية", "الدولي", "الدولية", "المركزي", "الكبير");

    // Words that never start or continue a name: frequent verbs of reported speech, directions, time and quantity words.
    private static readonly HashSet<string> NonNames = Set(
        "قال", "قالت", "يقول", "تقول", "أكد", "أكدت", "يؤكد", "أعلن", "أعلنت", "يعلن", "أضاف", "أضافت", "أشار", "أشارت",
        "أوضح", "أوضحت", "اعتبر", "اعتبرت", "شدد", "شددت", "دعا", "دعت", "يدعو", "طالب", "طالبت", "بحث", "بحثت", "التقى",
        "استقبل", "استقبلت", "زار", "زارت", "يزور", "وصل", "وصلت", "غادر", "سجل", "فاز", "كشف", "كشفت", "أفاد", "أفادت",
        "ذكر", "ذكرت", "نفى", "نفت", "رفض", "رفضت", "وقع", "وقعت", "هدد", "أمر", "قرر", "أصدر", "حذر", "حذرت", "اتهم",
        "لفت", "تابع", "تابعت", "رأى", "يرى", "كتب", "غرد", "نشر", "أجرى", "ناقش", "تحدث", "اجتمع", "عقد", "يرأس", "ترأس",
        "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "بالقرب", "محيط", "أطراف", "داخل", "خارج",
        "يوم", "اليوم", "أمس", "غدا", "مساء", "صباح", "ليلة", "فجر", "عام", "العام", "سنة", "شهر", "أسبوع", "الأسبوع", "الساعة",
        "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
        "الذي", "التي", "الذين", "أمام", "إثر", "عقب", "لدى", "بشأن", "حول", "وفق", "بحسب", "حسب", "ضد", "جراء",
        "السابق", "السابقة", "الحالي", "الحالية", "الجديد", "الجديدة", "الراحل", "الراحلة", "المنتهية", "نفسه", "نفسها",
        "أيضا", "كذلك", "هناك", "عدد", "أحد", "إحدى", "بعض", "كل", "جميع", "أكثر", "أقل", "نحو", "حوالي", "الأول", "الثاني",
        "الأولى", "الثانية", "إن", "أن", "بأن", "لأن", "إنه", "أنه", "بأنه", "أنها", "إنها", "بأنها", "له", "لها", "فيه");

    /// <summary>
    /// Adds to <paramref name="found"/> the names the rules find among <paramref name="words"/>, skipping words that are
    /// already <paramref name="covered"/> (and marking the ones it takes). <paramref name="gaps"/>[i] says what separates
    /// word i from word i-1. A name may open with a quote (شركة “ساليبورتر”) but is cut at any other quote or punctuation.
    /// </summary>
    public static void Apply(List<TextWord> words, Gap[] gaps, bool[] covered, List<(int First, int Last, Entity Entity)> found)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (covered[i]) continue;
            string w = words[i].Text;
            if (Matches(PersonTitles, w, out _)) { TryPerson(words, gaps, covered, i, found); continue; }
            if (Matches(FacilityHeads, w, out var facility)) { i = TryPlace(words, gaps, covered, i, facility, EntityType.LOC, includeHead: true, found); continue; }
            if (Matches(AreaHeads, w, out _)) { i = TryPlace(words, gaps, covered, i, null, EntityType.LOC, includeHead: false, found); continue; }
            if (Matches(OrgHeads, w, out var org)) i = TryOrganization(words, gaps, covered, i, org, found);
        }
    }

    private static void TryPerson(List<TextWord> words, Gap[] gaps, bool[] covered, int title, List<(int, int, Entity)> found)
    {
        // Skip the title's complement and descriptors: article words, idafa heads, further titles (at most six words).
        int j = title + 1;
        int skipped = 0;
        while (j < words.Count && skipped < 6 && !covered[j])
        {
            string w = words[j].Text;
            bool part = HasArticle(w) && !NonNames.Contains(w) || Matches(ComplementHeads, w, out _) || Matches(PersonTitles, w, out _);
            if (!part) break;
            j++;
            skipped++;
        }
        if (j >= words.Count || covered[j]) return;
        // A comma may close the descriptors ("الرئيس الأميركي، جو بايدن"), but not the title itself.
        if (gaps[j] == Gap.Quote || gaps[j] == Gap.Punctuation && skipped == 0) return; // a quoted word is rarely a person's name
        int first = j;
        int last = -1;
        for (int k = first; k < words.Count && k < first + 4; k++)
        {
            if (covered[k] || (k > first && gaps[k] != Gap.None)) break;
            string w = words[k].Text;
            if (!LooksLikeNameWord(w)) break;
            if (k == first && HasArticle(w)) break; // a given name does not take the article
            if (Matches(PersonTitles, w, out _) || Matches(OrgHeads, w, out _) || Matches(AreaHeads, w, out _) || Matches(FacilityHeads, w, out _)) break;
            last = k;
            if (k > first && HasArticle(w)) break; // a family name with the article ends the name (إحسان الشمري)
        }
        if (last < 0) return;
        Add(words, covered, first, last, EntityType.PER, first, found);
    }

    private static int TryPlace(List<TextWord> words, Gap[] gaps, bool[] covered, int head, string? headWord, EntityType type, bool includeHead, List<(int, int, Entity)> found)
    {
        int first = head + 1;
        if (first >= words.Count || covered[first] || gaps[first] == Gap.Punctuation) return head;
        string w0 = words[first].Text;
        if (!LooksLikeNameWord(w0) || IsIndefiniteAdjective(w0) || IsNisba(w0) || FacilityTails.Contains(w0)) return head;
        int last = first;
        int plain = HasArticle(w0) ? 0 : 1;
        for (int k = first + 1; k < words.Count && k < first + 4; k++)
        {
            if (covered[k] || gaps[k] != Gap.None) break;
            string w = words[k].Text;
            if (includeHead && FacilityTails.Contains(w)) { last = k; break; }
            if (!LooksLikeNameWord(w) || IsNisba(w)) break;
            if (!HasArticle(w))
            {
                if (plain >= 2 || HasArticle(words[k - 1].Text)) break; // at most two plain words, and none after the article
                plain++;
            }
            last = k;
        }
        var key = new List<string>();
        if (includeHead) key.Add(headWord!);
        for (int k = first; k <= last; k++)
            if (!FacilityTails.Contains(words[k].Text) || k == first) key.Add(KeyOf(words[k].Text)); // مطار بغداد الدولي is مطار بغداد
        Add(words, covered, includeHead ? head : first, last, type, key, found);
        return last;
    }

    private static int TryOrganization(List<TextWord> words, Gap[] gaps, bool[] covered, int head, string headWord, List<(int, int, Entity)> found)
    {
        int first = head + 1;
        if (first >= words.Count || covered[first] || gaps[first] == Gap.Punctuation) return head;
        string w0 = words[first].Text;
        if (!LooksLikeNameWord(w0)) return head;
        if (!HasArticle(w0) && (IsIndefiniteAdjective(w0) || w0.EndsWith('ي'))) return head;
        int last = first;
        int plain = HasArticle(w0) ? 0 : 1;
        for (int k = first + 1; k < words.Count && k < first + 5; k++)
        {
            if (covered[k] || gaps[k] != Gap.None) break;
            string w = words[k].Text;
            if (!LooksLikeNameWord(w)) break;
            if (!HasArticle(w))
            {
                // A foreign name may take two plain words (وكالة فرانس برس); after the article only article words follow (للمقاومة too).
                if (plain == 0 || plain >= 2 || HasArticle(words[k - 1].Text)) break;
                plain++;
            }
            last = k;
        }
        // "الشركة الأميركية" is no name: a head with the article needs two words after it.
        if (HasArticle(words[head].Text) && last - first < 1) return head;
        var key = new List<string> { headWord };
        for (int k = first; k <= last; k++) key.Add(KeyOf(words[k].Text));
        Add(words, covered, head, last, EntityType.ORG, key, found);
        return last;
    }

    private static void Add(List<TextWord> words, bool[] covered, int first, int last, EntityType type, int keyFrom, List<(int, int, Entity)> found)
    {
        var key = new List<string>();
        for (int k = keyFrom; k <= last; k++) key.Add(KeyOf(words[k].Text));
        Add(words, covered, first, last, type, key, found);
    }

    private static void Add(List<TextWord> words, bool[] covered, int first, int last, EntityType type, List<string> key, List<(int, int, Entity)> found)
    {
        _ = words;
        string id = GeneratedEntities.IdOf(type, key);
        var entity = GeneratedEntities.TryDescribe(id)!;
        for (int k = first; k <= last; k++) covered[k] = true;
        found.Add((first, last, entity));
    }

    private static bool LooksLikeNameWord(string w)
    {
        if (w.Length < 2 || ArabicStopwords.Contains(w) || NonNames.Contains(w) || NonNames.Contains(StripProclitics(w))) return false;
        foreach (char c in w) if (char.IsDigit(c)) return false;
        return true;
    }

    /// <summary>A nisba adjective with the article (العراقية، الأميركي): a descriptor, not part of a place's name.</summary>
    private static bool IsNisba(string w) => HasArticle(w) && (w.EndsWith("يه", StringComparison.Ordinal) || w.EndsWith('ي') || w.EndsWith("يين", StringComparison.Ordinal) || w.EndsWith("يون", StringComparison.Ordinal));

    /// <summary>An indefinite adjective such as عسكرية or جديدة, which follows a head word without naming anything.</summary>
    private static bool IsIndefiniteAdjective(string w) => !HasArticle(w) && (w.EndsWith("يه", StringComparison.Ordinal) || w.EndsWith('ه') && w.Length <= 5);

    /// <summary>True when the word (after و/ف and ب/ك/ل) carries the article: الكاظمي، والعراق، بالعراق، للقوات.</summary>
    internal static bool HasArticle(string w)
    {
        int i = 0;
        if (w.Length > 4 && (w[0] == 'و' || w[0] == 'ف') && (w[1] == 'ا' && w[2] == 'ل' || w[1] is 'ب' or 'ك' or 'ل')) i = 1;
        if (w.Length - i > 4 && w[i] is 'ب' or 'ك' && w[i + 1] == 'ا' && w[i + 2] == 'ل') return true;
        if (w.Length - i > 3 && w[i] == 'ل' && w[i + 1] == 'ل') return true;
        return w.Length - i > 3 && w[i] == 'ا' && w[i + 1] == 'ل';
    }

    /// <summary>The id key of a word: without its article and any particle before it (للمقاومة → مقاومه).</summary>
    internal static string KeyOf(string w)
    {
        if (!HasArticle(w)) return w;
        int at = w.IndexOf("ال", StringComparison.Ordinal);
        int ll = w.IndexOf("لل", StringComparison.Ordinal);
        if (ll >= 0 && ll <= 1 && (at < 0 || ll < at)) return w[(ll + 2)..];
        return at >= 0 ? w[(at + 2)..] : w;
    }

    /// <summary>The word without its article (only a leading ال, as gazetteer keys are built).</summary>
    internal static string StripArticle(string w) => w.Length >= 4 && w[0] == 'ا' && w[1] == 'ل' ? w[2..] : w;

    private static string StripProclitics(string w) => w.Length > 3 && (w[0] == 'و' || w[0] == 'ف') ? w[1..] : w;

    /// <summary>
    /// True when <paramref name="w"/>, as written or without its attached و/ف and ب/ك/ل (لل read as ل + ال), is in
    /// <paramref name="set"/>; <paramref name="form"/> is the matched form without its article, for ids.
    /// </summary>
    private static bool Matches(HashSet<string> set, string w, out string form)
    {
        foreach (var c in Variants(w))
        {
            if (set.Contains(c)) { form = StripArticle(c); return true; }
        }
        form = "";
        return false;
    }

    private static IEnumerable<string> Variants(string w)
    {
        yield return w;
        int i = 0;
        if (w.Length > 3 && (w[0] == 'و' || w[0] == 'ف')) { i = 1; yield return w[1..]; }
        if (w.Length - i > 3 && w[i] is 'ب' or 'ك' or 'ل')
        {
            yield return w[(i + 1)..];
            if (w[i] == 'ل' && w[i + 1] == 'ل') yield return "ا" + w[(i + 1)..]; // لل = ل + ال
        }
    }

    private static HashSet<string> Set(params string[] words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words) set.Add(ArabicNormalizer.Normalize(w));
        return set;
    }
}

/// <summary>What separates a word from the word before it.</summary>
internal enum Gap : byte
{
    /// <summary>Only spaces (or nothing).</summary>
    None,
    /// <summary>A quote mark, with or without spaces.</summary>
    Quote,
    /// <summary>Any other punctuation.</summary>
    Punctuation,
}
