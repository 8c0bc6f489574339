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
        "محافظ", "المحافظ", "عمدة", "العاهل", "ولي", "البابا", "الحاخام", "الإمام", "المفتي", "عميد");

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
        "منظمة", "حركة", "حزب", "جامعة", "شركة", "مجلس", "هيئة", "جبهة", "جمعية", "مؤسسة", "نقابة",
        "وزارة", "اتحاد", "نادي", "منتخب", "بنك", "مصرف", "محكمة", "مركز", "معهد", "لجنة", "تحالف", "ائتلاف", "كتلة", "تيار",
        "برلمان", "جيش", "ميليشيا", "كتائب", "لواء", "فيلق", "أكاديمية", "بورصة");

    // Media: the head word is a descriptor when a proper name follows (صحيفة "حرييت"، وكالة رويترز للأنباء), part of
    // the name when article words follow (وكالة الأنباء العراقية).
    private static readonly HashSet<string> MediaHeads = Set("وكالة", "صحيفة", "جريدة", "مجلة", "قناة", "موقع", "إذاعة", "تلفزيون", "شبكة");

    // Media heads that may start a name made of article words (وكالة الأنباء العراقية); موقع and شبكة rarely do.
    private static readonly HashSet<string> NamingMediaHeads = Set("وكالة", "صحيفة", "جريدة", "مجلة", "قناة", "إذاعة");

    // Titles so generic that a single word after them is more often a verb or a noun than a name (الرئيس سيحدد).
    private static readonly HashSet<string> WeakTitles = Set(
        "الرئيس", "رئيس", "الرئيسة", "رئيسة", "الوزير", "وزير", "الوزيرة", "وزيرة", "نائب", "النائب", "النائبة", "الناطق",
        "المتحدث", "الناطقة", "المتحدثة", "الأمين", "أمين", "القائد", "قائد", "زعيم", "الزعيم", "مستشار", "المستشار", "محافظ",
        "المحافظ", "عميد");

    // Words after a media name that describe it (وكالة رويترز للأنباء، موقع "غيزمودو" الإخباري).
    private static readonly HashSet<string> MediaTails = Set("للأنباء", "أنباء", "الإخباري", "الإخبارية", "الإلكتروني", "الإلكترونية");

    // Number words: never part of a name.
    private static readonly HashSet<string> NumberWords = Set(
        "واحد", "اثنان", "اثنين", "ثلاثة", "ثلاث", "أربعة", "أربع", "خمسة", "خمس", "ستة", "ست", "سبعة", "سبع", "ثمانية",
        "تسعة", "تسع", "عشرة", "عشر", "مئة", "مائة", "ألف", "آلاف", "مليون", "ملايين", "مليار", "بشكل", "نحو");

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
        "التابع", "التابعة", "المقرب", "المقربة", "الموالية", "الموالي", "المدعومة", "المدعوم", "الخاص", "الخاصة", "مباشرة",
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
            if (!IsHeadWord(w)) continue; // most words: one look-up instead of five
            if (Matches(PersonTitles, w, out _)) { TryPerson(words, gaps, covered, i, found); continue; }
            if (Matches(FacilityHeads, w, out var facility)) { i = TryPlace(words, gaps, covered, i, facility, EntityType.LOC, includeHead: true, found); continue; }
            if (Matches(AreaHeads, w, out _)) { i = TryPlace(words, gaps, covered, i, null, EntityType.LOC, includeHead: false, found); continue; }
            if (Matches(MediaHeads, w, out var media)) { i = TryMedia(words, gaps, covered, i, media, found); continue; }
            if (Matches(OrgHeads, w, out var org)) i = TryOrganization(words, gaps, covered, i, org, found, minWords: HasArticle(w) ? 2 : 1);
        }
    }

    private static void TryPerson(List<TextWord> words, Gap[] gaps, bool[] covered, int title, List<(int, int, Entity)> found)
    {
        bool weak = Matches(WeakTitles, words[title].Text, out _);
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
        int limit = first + 3; // three words, more only through connectors (سلطان بن سحيم آل ثاني)
        for (int k = first; k < words.Count && k < limit; k++)
        {
            if (covered[k] || (k > first && gaps[k] != Gap.None)) break;
            string w = words[k].Text;
            if (!LooksLikeNameWord(w)) break;
            if (k == first && HasArticle(w)) break; // a given name does not take the article
            if (IsHeadWord(w)) break;
            if (k > first && !HasArticle(w) && w.EndsWith("يه", StringComparison.Ordinal)) break; // جدارية: an indefinite noun
            last = k;
            if (NameConnectors.Contains(w)) { limit = Math.Min(limit + 1, first + 6); continue; }
            if (k > first && HasArticle(w)) break; // a family name with the article ends the name (إحسان الشمري)
        }
        while (last >= first && NameConnectors.Contains(words[last].Text)) last--; // a name does not end in بن
        if (last < first || weak && last == first) return;
        Add(words, covered, first, last, EntityType.PER, first, found);
    }

    private static int TryPlace(List<TextWord> words, Gap[] gaps, bool[] covered, int head, string? headWord, EntityType type, bool includeHead, List<(int, int, Entity)> found)
    {
        int first = head + 1;
        if (first >= words.Count || covered[first] || gaps[first] == Gap.Punctuation) return head;
        string w0 = words[first].Text;
        if (!LooksLikeNameWord(w0) || IsIndefiniteAdjective(w0) || IsNisba(w0) || IsPlural(w0) || IsHeadWord(w0) || FacilityTails.Contains(w0)) return head;
        int last = first;
        int plain = HasArticle(w0) ? 0 : 1;
        for (int k = first + 1; k < words.Count && k < first + 4; k++)
        {
            if (covered[k] || gaps[k] != Gap.None) break;
            string w = words[k].Text;
            if (includeHead && FacilityTails.Contains(w)) { last = k; break; }
            if (!LooksLikeNameWord(w) || IsNisba(w) || IsHeadWord(w) || IsAdverb(w)) break;
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

    private static readonly HashSet<string> NameConnectors = Set("بن", "بنت", "ابن", "أبو", "أبي", "أم", "آل", "عبد", "ولد", "دي", "دا", "فان", "فون");

    // Every head word of the five kinds: a word that matches none of them starts no rule.
    private static readonly HashSet<string> HeadWords = new([.. PersonTitles, .. OrgHeads, .. MediaHeads, .. AreaHeads, .. FacilityHeads], StringComparer.Ordinal);

    private static bool IsHeadWord(string w) => FirstForm(HeadWords, w, out _);

    /// <summary>A media outlet: the quoted or plain name after the head word, without it; or the head and article words.</summary>
    private static int TryMedia(List<TextWord> words, Gap[] gaps, bool[] covered, int head, string headWord, List<(int, int, Entity)> found)
    {
        int first = head + 1;
        if (first >= words.Count || covered[first] || gaps[first] == Gap.Punctuation) return head;
        string w0 = words[first].Text;
        if (HasArticle(w0)) return NamingMediaHeads.Contains(headWord) || NamingMediaHeads.Contains("ال" + headWord) ? TryOrganization(words, gaps, covered, head, headWord, found, minWords: 2) : head;
        if (MediaTails.Contains(w0) && first + 1 < words.Count && !covered[first + 1] && gaps[first + 1] == Gap.None) w0 = words[++first].Text; // وكالة أنباء الأناضول
        if (!LooksLikeNameWord(w0) || IsIndefiniteAdjective(w0) || IsNisba(w0) || IsHeadWord(w0)) return head;
        bool quoted = gaps[first] == Gap.Quote;
        int last = first;
        for (int k = first + 1; k < words.Count && k < first + 4; k++)
        {
            if (covered[k] || gaps[k] == Gap.Punctuation || (quoted ? gaps[k] == Gap.Quote : gaps[k] != Gap.None)) break;
            string w = words[k].Text;
            if (!LooksLikeNameWord(w) || MediaTails.Contains(w) || IsHeadWord(w) || (!quoted && (HasArticle(w) || IsAdverb(w)))) break;
            last = k;
        }
        if (!quoted && !HasLatin(words, first, last) && last == first && IsNisba("ال" + w0)) return head;
        var key = new List<string>();
        for (int k = first; k <= last; k++) key.Add(KeyOf(words[k].Text));
        Add(words, covered, first, last, EntityType.ORG, key, found);
        return last;
    }

    private static bool HasLatin(List<TextWord> words, int first, int last)
    {
        for (int k = first; k <= last; k++)
            foreach (char c in words[k].Text) if (c is >= 'a' and <= 'z') return true;
        return false;
    }

    /// <summary>A word in the accusative with tanween (استعدادا، مباشرة is not caught): names rarely continue with one.</summary>
    private static bool IsAdverb(string w) => w.Length >= 5 && w[^1] == 'ا' && w[^2] != 'ي' && w[^2] != 'و';

    private static int TryOrganization(List<TextWord> words, Gap[] gaps, bool[] covered, int head, string headWord, List<(int, int, Entity)> found, int minWords)
    {
        int first = head + 1;
        if (first >= words.Count || covered[first] || gaps[first] == Gap.Punctuation) return head;
        string w0 = words[first].Text;
        if (!LooksLikeNameWord(w0) || IsHeadWord(w0) || IsPlural(w0)) return head;
        if (!HasArticle(w0) && (IsIndefiniteAdjective(w0) || w0.EndsWith('ي'))) return head;
        if (!HasArticle(w0) && w0.Length >= 4 && w0[0] is 'ت' or 'ي' && gaps[first] == Gap.None) return head; // لجنة تدعم: a verb
        int last = first;
        int plain = HasArticle(w0) ? 0 : 1;
        for (int k = first + 1; k < words.Count && k < first + 5; k++)
        {
            if (covered[k] || gaps[k] != Gap.None) break;
            string w = words[k].Text;
            if (!LooksLikeNameWord(w) || IsHeadWord(w) || IsAdverb(w)) break;
            if (!HasArticle(w))
            {
                // A foreign name may take two plain words (وكالة فرانس برس); after the article only article words follow (للمقاومة too).
                if (plain == 0 || plain >= 2 || HasArticle(words[k - 1].Text)) break;
                plain++;
            }
            last = k;
        }
        // "الشركة الأميركية" and "هيئة التدريس" are no names: generic heads need more than one word after them.
        if (last - first + 1 < minWords) return head;
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

    /// <summary>A sound feminine plural with the article (العمليات، الموظفين): a common noun, not a place's name.</summary>
    private static bool IsPlural(string w) => HasArticle(w) && (w.EndsWith("ات", StringComparison.Ordinal) || w.EndsWith("ين", StringComparison.Ordinal) && !w.EndsWith("دين", StringComparison.Ordinal));

    private static bool LooksLikeNameWord(string w)
    {
        if (w.Length < 2 || IsFunctionWord(w) || AnyForm(NonNames, w) || NumberWords.Contains(w)) return false;
        foreach (char c in w) if (char.IsDigit(c)) return false;
        return true;
    }

    /// <summary>A nisba adjective with the article (العراقية، الأميركي): a descriptor, not part of a place's name.</summary>
    private static bool IsNisba(string w) => HasArticle(w) && (w.EndsWith("يه", StringComparison.Ordinal) || w.EndsWith('ي') || w.EndsWith("يين", StringComparison.Ordinal) || w.EndsWith("يون", StringComparison.Ordinal));

    /// <summary>An indefinite adjective such as عسكرية or جديدة, which follows a head word without naming anything.</summary>
    private static bool IsIndefiniteAdjective(string w) => !HasArticle(w) && (w.EndsWith("يه", StringComparison.Ordinal) || w.EndsWith('ه') && w.Length <= 5);

    /// <summary>True when the word (after و/ف and ب/ل) carries the article: الكاظمي، والعراق، بالعراق، للقوات (the word model's direct reading; كاليفورنيا has none).</summary>
    internal static bool HasArticle(string w) => ArabicWord.HasArticle(w);

    /// <summary>The id key of a word: without its article and any particle before it (للمقاومة → مقاومه).</summary>
    internal static string KeyOf(string w)
    {
        var split = ArabicWord.DirectSplit(w);
        return split.HasArticle ? w[split.Start..] : w;
    }

    /// <summary>The word without its article (only a leading ال, as gazetteer keys are built).</summary>
    internal static string StripArticle(string w) => ArabicWord.WithoutArticle(w);

    /// <summary>True when the word, or the word without its proclitics, is in <paramref name="set"/> (ومن → من).</summary>
    private static bool AnyForm(HashSet<string> set, string w) => FirstForm(set, w, out _);
    /// <summary>True when the word is a function word, alone or after و/ف: ومن، وفي.</summary>
    private static bool IsFunctionWord(string w) => ArabicWord.IsFunctionWord(w);

    /// <summary>
    /// True when <paramref name="w"/>, as written or without its attached و/ف and ب/ك/ل (لل read as ل + ال), is in
    /// <paramref name="set"/>; <paramref name="form"/> is the matched form without its article, for ids.
    /// </summary>
    private static bool Matches(HashSet<string> set, string w, out string form)
    {
        if (FirstForm(set, w, out var found))
        {
            form = StripArticle(found);
            return true;
        }
        form = "";
        return false;
    }

    /// <summary>
    /// The first of the forms <see cref="ArabicWord.WithoutProclitics"/> gives for <paramref name="w"/> that is in
    /// <paramref name="set"/>, in the same order, as the set's own string; looked up as spans, so nothing is allocated.
    /// </summary>
    private static bool FirstForm(HashSet<string> set, string w, out string found)
    {
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        var forms = new ProcliticForms(w, 0, stackalloc char[w.Length + 2]);
        while (forms.MoveNext())
            if (lookup.TryGetValue(forms.Current, out found!)) return true;
        found = "";
        return false;
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
