using System.Diagnostics;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- hostile INDEX_DIR</c>: every expensive query shape, run against an index (the ANT
/// multi-source index in docs/guarantees.md), with <c>Top = 1000</c>, facets and duplicate collapsing: whether it is
/// refused, and if accepted its wall time and allocation (in process, second run). Not a benchmark: one run each.
/// </summary>
public static class HostileProfile
{
    public static int Run(string[] args)
    {
        if (args.Length < 2) { Console.Error.WriteLine("usage: hostile INDEX_DIR"); return 2; }
        using var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = args[1], ReadOnly = true });
        Console.WriteLine($"{engine.Count:N0} articles; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        string Words(int n, Func<int, string> word) => string.Join(" ", Enumerable.Range(0, n).Select(word));
        var letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        string W(int i) => $"{letters[i % letters.Length]}{letters[i / letters.Length % letters.Length]}{letters[i / 900 % letters.Length]}ة";
        var shapes = new (string Name, SearchRequest Request)[]
        {
            ("784 text ranges [اX TO يY] (Lucene)", new() { Syntax = QuerySyntax.Lucene, Text = Words(784, i => $"[ا{W(i)} TO ي{W(i)}]") }),
            ("2 text ranges (Lucene)", new() { Syntax = QuerySyntax.Lucene, Text = "[ا TO ي] [ب TO ت]" }),
            ("128 fuzzy terms (Lucene)", new() { Syntax = QuerySyntax.Lucene, Text = Words(128, i => W(i) + "~") }),
            ("8 fuzzy terms (Lucene)", new() { Syntax = QuerySyntax.Lucene, Text = Words(8, i => "الحكومة~ العراق~ الرئيس~ بغداد~ الوزير~ الأمن~ القوات~ المدينة~".Split(' ')[i]) }),
            ("128 prefixes (Lucene)", new() { Syntax = QuerySyntax.Lucene, Text = Words(128, i => $"{letters[i % letters.Length]}*") }),
            ("8 one-letter prefixes (Lucene)", new() { Syntax = QuerySyntax.Lucene, Text = Words(8, i => $"{letters[i]}*") }),
            ("one word x 1,024 (text)", new() { Text = Words(1024, _ => "بغداد") }),
            ("one word x 1,024 (plain)", new() { Syntax = QuerySyntax.Plain, Text = Words(1024, _ => "بغداد") }),
            ("one word x 1,024 (Lucene)", new() { Syntax = QuerySyntax.Lucene, Text = Words(1024, _ => "بغداد") }),
            ("128 distinct common words (text)", new() { Text = CommonWords(128) }),
            ("32 distinct misspelled words (text)", new() { Text = Misspelled(32) }),
            ("phrase of 1,024 positions", new() { Phrase = Words(1024, i => CommonWords(64).Split(' ')[i % 64]) }),
            ("908 two-word phrases (text)", new() { Text = Words(908, i => "\"الحكومة العراقية\"") }),
            ("908 two-word phrases (Lucene)", new() { Syntax = QuerySyntax.Lucene, Text = Words(908, i => $"\"{W(i)} {W(i + 1)}\"") }),
            ("sloppy phrase, slop 20", new() { Phrase = "الحكومة العراقية بغداد الوزير", PhraseMode = PhraseMode.Stemmed, PhraseSlop = 20 }),
            ("64 entities", new() { Entities = Enumerable.Range(0, 64).Select(_ => "بغداد").ToList() }),
            ("1,025 entities", new() { Entities = Enumerable.Range(0, 1025).Select(i => "بغداد" + i).ToList() }),
        };
        Console.WriteLine($"{"shape",-40} {"top 10",-22} {"top 1000 + facets + collapse",-30}");
        foreach (var (name, request) in shapes)
        {
            Console.Write($"{name,-40} ");
            foreach (var r in new[] { request with { Top = 10 }, request with { Top = 1000, Facets = true, CollapseDuplicates = true } })
            {
                try
                {
                    engine.Search(r);
                    long bytes = GC.GetTotalAllocatedBytes(true);
                    long t = Stopwatch.GetTimestamp();
                    var results = engine.Search(r);
                    double ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    double mb = (GC.GetTotalAllocatedBytes(true) - bytes) / 1e6;
                    Console.Write($"{ms,7:N0} ms {mb,7:N1} MB     ");
                }
                catch (InvalidQueryException e)
                {
                    Console.Write($"refused: {e.Message}");
                    break;
                }
            }
            Console.WriteLine();
        }
        return 0;
    }

    /// <summary>
    /// Frequent news words with ظ put in after their third letter: words no article has, one edit from a word many
    /// have, so each may be searched by near spelling (at most four a query).
    /// </summary>
    private static string Misspelled(int n) => string.Join(" ", CommonWords(n).Split(' ').Select(w => w.Length < 4 ? w + "ظظ" : w[..3] + "ظ" + w[3..]));

    /// <summary>Frequent news words, distinct after stemming.</summary>
    private static string CommonWords(int n)
    {
        var words = "الحكومة العراق الرئيس بغداد الوزير الأمن القوات المدينة الشرطة مجلس النواب الانتخابات الاقتصاد النفط الأسعار السوق الشركة المشروع التعليم الجامعة الطلاب المدرسة الصحة المستشفى الأطباء المرضى الفيروس اللقاح الحرب السلام المفاوضات الاتفاق الأمم المتحدة أمريكا روسيا الصين إيران تركيا سوريا لبنان الأردن مصر السعودية الإمارات قطر الكويت البحرين عمان اليمن ليبيا تونس الجزائر المغرب السودان فلسطين إسرائيل أوروبا فرنسا ألمانيا بريطانيا إيطاليا إسبانيا اليابان الهند باكستان أفغانستان كوريا البرازيل الأرجنتين المكسيك كندا أستراليا إفريقيا آسيا الشرق الغرب الشمال الجنوب الكهرباء الماء الزراعة الصناعة التجارة السياحة الرياضة كرة القدم المنتخب البطولة الفريق اللاعب المدرب الملعب المباراة الهدف الفوز الخسارة التعادل الموسم الدوري الكأس الأولمبياد الثقافة الفن السينما المسرح الموسيقى الكتاب الرواية الشعر المعرض المتحف التاريخ الحضارة التراث".Split(' ');
        return string.Join(" ", words.Take(n));
    }
}
