using ArabicSearch.Entities;

namespace ArabicSearch.Tests.Entities;

public class EntityRecognizerTests
{
    private static readonly EntityRecognizer Recognizer = EntityRecognizer.Default;

    /// <summary>
    /// A recognizer over a few seed names only, so the rules' tests do not depend on what the embedded gazetteer
    /// happens to list (it knows most names of the seeds).
    /// </summary>
    internal static readonly EntityRecognizer Small = new(new Gazetteer(
    [
        new Entity("joe-biden", "جو بايدن", EntityType.PER, ["جو بايدن", "بايدن", "Biden"]),
        new Entity("mustafa-al-kadhimi", "مصطفى الكاظمي", EntityType.PER, ["مصطفى الكاظمي", "الكاظمي"]),
        new Entity("baghdad", "بغداد", EntityType.LOC, ["بغداد"]),
        new Entity("erbil", "أربيل", EntityType.LOC, ["أربيل"]),
        new Entity("isis", "داعش", EntityType.ORG, ["داعش"]),
    ]));

    /// <summary>Each mention as "TYPE text as written → id".</summary>
    private static string[] Mentions(string text, EntityRecognizer? recognizer = null) =>
        (recognizer ?? Recognizer).Recognize(text).Select(m => $"{m.Entity.Type} {text[m.Start..m.End]} → {m.Entity.Id}{(m.Nested ? " (nested)" : "")}").ToArray();

    [TestCase("وبايدن", "PER وبايدن → joe-biden")]                         // attached و
    [TestCase("للكاظمي", "PER للكاظمي → mustafa-al-kadhimi")]              // لل = ل + ال
    [TestCase("والكاظمى", "PER والكاظمى → mustafa-al-kadhimi")]            // Egyptian ى
    [TestCase("وأربيل", "LOC وأربيل → erbil")]
    [TestCase("ببغداد", "LOC ببغداد → baghdad")]
    [TestCase("عناصر”داعش”", "ORG داعش → isis")]                           // glued to quotes
    [TestCase("بتنظيم”داعش”", "ORG بتنظيم”داعش → isis")]                    // the alias تنظيم داعش, across a quote
    [TestCase("في المنطقة الخضراء", "LOC المنطقة الخضراء → green-zone")]   // multiword
    public void Recognize_gazetteer_names_in_every_form(string text, string expected) =>
        Assert.That(Mentions(text), Is.EqualTo(new[] { expected }));

    [Test]
    public void Recognize_reports_names_inside_longer_names_as_nested() =>
        Assert.That(Mentions("في مطار أربيل"), Is.EqualTo(new[] { "LOC مطار أربيل → erbil-airport", "LOC أربيل → erbil (nested)" }));

    [TestCase("قال الناطق باسم القائد العام للقوات المسلحة العراقية اللواء يحيى رسول، إن", "PER يحيى رسول → per:يحيي_رسول")]
    [TestCase("وأوضح الباحث السياسي إحسان الشمري لوسائل الإعلام", "PER إحسان الشمري → per:احسان_شمري")]
    [TestCase("خلال لقائه رئيسة مجلس النواب الأمريكي نانسي بيلوسي، في", "ORG مجلس النواب الأمريكي → org:مجلس_نواب_امريكي", "PER نانسي بيلوسي → per:نانسي_بيلوسي")]
    [TestCase("وقال وزير الخارجية الإيراني محمد جواد ظريف إن", "PER محمد جواد ظريف → per:محمد_جواد_ظريف")]
    [TestCase("وتعرضت قاعدة بلد الجوية لقصف", "LOC قاعدة بلد الجوية → loc:قاعده_بلد")]
    [TestCase("على قاعدة البلد الجوية شمال", "LOC قاعدة البلد الجوية → loc:قاعده_بلد")]  // with and without ال: one id
    [TestCase("بمحافظة صلاح الدين شمال العاصمة", "LOC صلاح الدين → loc:صلاح_دين")]       // the area word is left out
    [TestCase("نقلتها وكالة الأنباء العراقية (واع)", "ORG وكالة الأنباء العراقية → org:وكاله_انباء_عراقيه")]
    [TestCase("الجناح الخاص بشركة “ساليبورتر” الأميركية", "ORG بشركة “ساليبورتر → org:شركه_ساليبورتر")] // a quote opens the name and ends it
    [TestCase("قالت وكالة \"يونهاب\" للأنباء إن", "ORG يونهاب → org:يونهاب")]                // a quoted outlet, without its head word
    [TestCase("وقالت وكالة دوغان للأنباء إن", "ORG دوغان → org:دوغان")]                        // a plain foreign name
    [TestCase("وقالت وكالة أنباء الأناضول إن", "ORG الأناضول → org:اناضول")]
    [TestCase("ظهر الفنان المصري #صلاح_السعدني أخيرا", "PER صلاح_السعدني → per:صلاح_سعدني")]   // a hashtag
    [TestCase("واصل الشيخ سلطان بن سحيم آل ثاني تغريداته", "PER سلطان بن سحيم آل ثاني → per:سلطان_بن_سحيم_ال_ثاني")] // connectors
    public void Recognize_unseen_names_from_titles_and_place_words(string text, params string[] expected) =>
        Assert.That(Mentions(text, Small), Is.EqualTo(expected));

    [TestCase("وتابع الرئيس الأمريكى أن بلاده لن تكون")]     // a title, then no name
    [TestCase("قال رئيس الوزراء العراقي على موقعه")]
    [TestCase("طالت قاعدة عسكرية للتحالف")]                 // an indefinite adjective names nothing
    [TestCase("أطلقت مجموعة أخرى من الصواريخ")]
    [TestCase("حسبما أفادت مراسل “سكاي نيوز عربية”")]       // a quoted outlet is no person
    [TestCase("في العاصمة العراقية")]
    [TestCase("على موقع التواصل الاجتماعي")]                 // a generic site, not an outlet
    [TestCase("إن صحة الرئيس تتحسن")]                        // a weak title and a single word: a verb
    [TestCase("حسب لجنة تدعم الصبية")]                       // an organization word, then a verb
    [TestCase("في منطقة العمليات جنوب")]                     // a plural common noun names no place
    public void Recognize_finds_no_name_where_there_is_none(string text) =>
        Assert.That(Mentions(text, Small), Is.Empty);

    [Test]
    public void Recognize_leaves_gazetteer_names_to_the_gazetteer() =>
        Assert.That(Mentions("قال الرئيس الأميركي جو بايدن", Small), Is.EqualTo(new[] { "PER جو بايدن → joe-biden" }));

    [TestCase("Kadhimi", "mustafa-al-kadhimi")]       // Latin alias
    [TestCase("Mustafa al-Kadhimi", "mustafa-al-kadhimi")]
    [TestCase("الكاظمى", "mustafa-al-kadhimi")]
    [TestCase("وبايدن", "joe-biden")]
    [TestCase("Green Zone", "green-zone")]
    [TestCase("mustafa-al-kadhimi", "mustafa-al-kadhimi")] // the id itself
    [TestCase("per:يحيي_رسول", "per:يحيي_رسول")]          // a generated id, as facets report it
    public void Resolve_any_alias_to_the_canonical_entity(string name, string id) =>
        Assert.That(Recognizer.Resolve(name)?.Id, Is.EqualTo(id));

    [TestCase("نظام الدفاع المضاد")]
    [TestCase("الكاظمي بايدن")] // two names are not one alias
    public void Resolve_unknown_names_to_null(string name) =>
        Assert.That(Recognizer.Resolve(name), Is.Null);

    [Test]
    public void Recognize_without_rules_finds_gazetteer_names_only()
    {
        var plain = new EntityRecognizer(Small.Gazetteer) { UseRules = false };
        Assert.That(plain.Recognize("قال اللواء يحيى رسول في بغداد").Select(m => m.Entity.Id), Is.EqualTo(new[] { "baghdad" }));
        Assert.That(Small.Recognize("قال اللواء يحيى رسول في بغداد").Select(m => m.Entity.Id), Is.EqualTo(new[] { "per:يحيي_رسول", "baghdad" }));
    }

    [Test]
    public void Recognize_never_throws_and_keeps_offsets_sane()
    {
        var random = new Random(7);
        const string alphabet = "ابتثجحخدذرسشصضطظعغفقكلمنهويةىءأإآ “”\"'،.()-/الرئيسقاعدةمطاروكالةاللواء";
        for (int n = 0; n < 500; n++)
        {
            var chars = new char[random.Next(0, 80)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            int last = 0;
            foreach (var m in Recognizer.Recognize(text))
            {
                Assert.That(m.Start >= last && m.Start < m.End && m.End <= text.Length, Is.True, text);
                last = m.End;
            }
        }
    }

    // Issue 12, entity names as written: the word model reads ك + ال as a name first, and function words after و/ف.
    [TestCase("في ولاية كاليفورنيا الأميركية", "LOC كاليفورنيا → loc:كاليفورنيا")]   // ك is a root letter here, not "like the"
    [TestCase("أشار الباحث ومن ضمنها تهديده بالانسحاب")]                            // ومن is a function word: no person
    [TestCase("وقال المتحدث وفي مقدمتها المطالب")]                                 // ... وفي too
    public void Recognize_reads_words_with_the_word_model(string text, params string[] expected) =>
        Assert.That(Mentions(text, Small), Is.EqualTo(expected));

    [TestCase("وقالت وكالة الأنباء العراقية إن", "وكالة الأنباء العراقية")]   // shown as written, not وكاله انباء عراقيه
    [TestCase("أعلنت ووزارة الداخلية", "وزارة الداخلية")]                     // ... without the first word's proclitic
    [TestCase("بمحافظة صلاحِ الدين شمال", "صلاحِ الدين")]                     // ... marks kept as written
    public void Recognize_shows_rule_found_names_as_written(string text, string name) =>
        Assert.That(Small.Recognize(text).Select(m => m.Entity.Name), Is.EqualTo(new[] { name }));
}
