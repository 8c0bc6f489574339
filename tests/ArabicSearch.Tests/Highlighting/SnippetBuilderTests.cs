using ArabicSearch.Analysis;
using ArabicSearch.Entities;
using ArabicSearch.Highlighting;

namespace ArabicSearch.Tests.Highlighting;

public class SnippetBuilderTests
{
    private static Snippet Build(string body, HighlightTerms terms, int maxChars = 280) =>
        SnippetBuilder.Build(body, terms, EntityRecognizer.Default, maxChars);

    private static HighlightTerms Words(string query)
    {
        var terms = new HighlightTerms();
        terms.AddWords(query);
        return terms;
    }

    /// <summary>The marked words of a snippet, read back from its plain text and ranges.</summary>
    private static string[] Marked(Snippet s) => s.Highlights.Select(h => s.Text.Substring(h.Start, h.Length)).ToArray();

    // Issue 12: marks come from the terms the query produced, in every view.
    [TestCase("كتاب", "قرأ الطالب كتابا جديدا", "كتابا")]              // stemmed view: tanween
    [TestCase("بغداد", "وصل الوفد ببغداد أمس", "ببغداد")]             // stemmed view: proclitic ب on a word starting with ب
    [TestCase("أمريكي", "قال المسؤول الأميركي إن", "الأميركي")]       // loose view: spelling variant
    [TestCase("عام", "منذ عشرين عاما تقريبا", "عاما")]               // stemmed view: tanween on a three-letter noun
    [TestCase("قال", "وقال الوزير للصحفيين", "وقال")]                // stemmed view: و before three letters
    [TestCase("الكاظمى", "التقى الكاظمي وفدا", "الكاظمي")]            // exact view: spelling normalized
    public void Build_marks_words_that_have_a_query_term_in_some_view(string query, string body, string expected) =>
        Assert.That(Marked(Build(body, Words(query))), Is.EqualTo(new[] { expected }));

    [TestCase("بوم", "صدر ألبوم جديد")]                               // class 4: أل with hamza is no article
    [TestCase("الأم", "تحدث عن آلام الناس")]                         // ... آلام is not الأم (the exact view still folds both to الام)
    public void Build_leaves_unmatched_words_unmarked(string query, string body)
    {
        var terms = new HighlightTerms();
        terms.AddWords(query, ArabicView.Stemmed, ArabicView.Loose);
        Assert.That(Marked(Build(body, terms)), Is.Empty);
    }

    [Test]
    public void Build_marks_a_stemmed_phrase_where_it_occurs_only()
    {
        var terms = new HighlightTerms();
        terms.AddPhrase("الرئيس الأميركي", ArabicView.Stemmed);
        var s = Build("استقبل الرئيس الفرنسي نظيره الأميركي، ثم قال للرئيس الأميركي إن", terms);
        Assert.That(Marked(s), Is.EqualTo(new[] { "للرئيس", "الأميركي" }));
        Assert.That(s.Highlights[0].Start, Is.GreaterThan(s.Text.IndexOf("نظيره", StringComparison.Ordinal)));
    }

    [Test]
    public void Build_marks_a_phrase_across_a_stopword()
    {
        var terms = new HighlightTerms();
        terms.AddPhrase("وزير في الحكومة", ArabicView.Stemmed);
        Assert.That(Marked(Build("قال وزير في الحكومة العراقية ووزير آخر", terms)), Is.EqualTo(new[] { "وزير", "الحكومة" }));
    }

    [Test]
    public void Html_escapes_the_text_next_to_the_marks()
    {
        var s = Build("<script>alert('x')</script> وصل الوفد إلى بغداد & البصرة", Words("بغداد"));
        Assert.That(s.Html, Does.Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        Assert.That(s.Html, Does.Contain("<mark>بغداد</mark> &amp; البصرة"));
        Assert.That(s.Html, Does.Not.Contain("<script>"));
        Assert.That(s.Text, Does.StartWith("<script>"), "the plain text is not escaped");
    }

    [Test]
    public void Build_gives_ranges_into_the_snippet_text_and_the_body()
    {
        string body = string.Join(' ', Enumerable.Repeat("كلام عادي لا علاقة له", 40)) + " ثم وصل الوفد إلى بغداد صباحا";
        var s = Build(body, Words("بغداد"));
        Assert.That(s.Text, Does.StartWith("…"));
        Assert.That(Marked(s), Is.EqualTo(new[] { "بغداد" }));
        Assert.That(s.BodyHighlights.Select(h => body.Substring(h.Start, h.Length)), Is.EqualTo(new[] { "بغداد" }));
    }

    [TestCase('\u2067')] // RLI
    [TestCase('\u2066')] // LRI
    [TestCase('\u2068')] // FSI
    public void Build_closes_bidi_isolates_the_window_cuts(char open)
    {
        string filler = string.Join(' ', Enumerable.Repeat("كلام عادي لا علاقة له", 40));
        string body = $"{filler} وصل {open}الوفد إلى بغداد {filler} نهاية\u2069 الخبر";
        var s = Build(body, Words("بغداد"));
        Assert.That(s.Text, Does.Not.Contain("الخبر"), "the window cuts the isolate");
        Assert.That(s.Text.Count(c => c == '\u2069'), Is.EqualTo(s.Text.Count(c => c == open)));
        Assert.That(s.Text.IndexOf('\u2069', StringComparison.Ordinal), Is.GreaterThan(s.Text.IndexOf(open, StringComparison.Ordinal)));
    }

    [Test]
    public void Build_closes_nested_isolates_innermost_first()
    {
        var s = Build("\u2067أ \u2066b بغداد", Words("بغداد"));
        Assert.That(s.Text, Does.EndWith("بغداد\u2069\u2069"));
    }

    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("كلام عادي لا علاقة له", 30));

    // New-user trial: the window with the most marks showed one query word three times, not the two words the hit matched.
    [Test]
    public void Build_prefers_the_window_with_the_most_distinct_query_words()
    {
        string body = $"{Filler} قال المسؤول الأمريكي إن الجنود الأمريكيين والدبلوماسيين الأمريكيين بخير {Filler} ثم استهدف الهجوم السفارة الأمريكية في بغداد {Filler}";
        Assert.That(Marked(Build(body, Words("السفارة الأمريكية"))), Is.EqualTo(new[] { "السفارة", "الأمريكية" }));
    }

    [Test]
    public void Build_prefers_the_most_marks_among_windows_with_as_many_query_words()
    {
        string body = $"{Filler} السفارة الأمريكية {Filler} السفارة الأمريكية والسفارة الأمريكية {Filler}";
        Assert.That(Marked(Build(body, Words("السفارة الأمريكية"))), Has.Length.EqualTo(4));
    }

    [Test]
    public void Build_counts_a_word_and_its_spelling_variants_as_one_query_word()
    {
        // أمريكي and الأميركية are one query word (stemmed and loose views); السفارة is the second
        string body = $"{Filler} الأمريكي الأميركية الأمريكيين {Filler} السفارة الأمريكية {Filler}";
        Assert.That(Marked(Build(body, Words("السفارة أمريكي"))), Is.EqualTo(new[] { "السفارة", "الأمريكية" }));
    }

    // The window shown used to start a quarter of its length before its first mark, whatever the span of its marks:
    // marks counted at its end were cut off (seed 003: السفارة, counted, not shown).
    [Test]
    public void Build_shows_every_mark_of_the_window_it_chose()
    {
        string between = new('ك', 240);
        string body = $"{Filler} بغداد {between} بغداد {Filler}";
        var s = Build(body, Words("بغداد"));
        Assert.That(Marked(s), Is.EqualTo(new[] { "بغداد", "بغداد" }));
    }

    [Test]
    public void Build_counts_an_entity_as_one_query_word_whatever_alias_marks_it()
    {
        var terms = new HighlightTerms();
        terms.EntityIds.Add(EntityRecognizer.Default.Recognize("مصطفى الكاظمي")[0].Entity.Id);
        terms.AddWords("الصواريخ");
        string body = $"{Filler} استقبل مصطفى الكاظمى الوفد ثم قال الكاظمي {Filler} أطلقت الصواريخ وأدان الكاظمي الهجوم {Filler}";
        Assert.That(Marked(Build(body, terms)), Is.EqualTo(new[] { "الصواريخ", "الكاظمي" }));
    }

    [Test]
    public void Build_counts_each_entity_name_as_a_query_word()
    {
        var terms = new HighlightTerms();
        terms.EntityIds.Add(EntityRecognizer.Default.Recognize("مصطفى الكاظمي")[0].Entity.Id);
        terms.EntityIds.Add(EntityRecognizer.Default.Recognize("جو بايدن")[0].Entity.Id);
        terms.AddWords("الصواريخ");
        string body = $"{Filler} أطلقت الصواريخ والصواريخ والصواريخ على المنطقة {Filler} وناقش الكاظمي مع بايدن الأمر {Filler}";
        Assert.That(Marked(Build(body, terms)), Does.Contain("الكاظمي").And.Contain("بايدن"));
    }
}

/// <summary>Snippets of the seed corpus, as a search returns them.</summary>
public class SeedSnippetTests : SeedEngineFixture
{
    // New-user trial: seed 003's snippet for السفارة الأمريكية showed only الأمريكي… (السفارة counted, cut off).
    [Test]
    public void Search_snippet_shows_every_query_word_the_article_has_near_each_other()
    {
        var hits = Engine.Search(new SearchRequest { Text = "السفارة الأمريكية", Top = 10 }).Hits;
        Assert.That(hits, Has.Count.EqualTo(5));
        foreach (var hit in hits)
        {
            var marked = hit.SnippetHighlights.Select(h => hit.SnippetText.Substring(h.Start, h.Length)).ToArray();
            Assert.That(marked, Has.Some.StartsWith("السفار"), $"{hit.Id}: {hit.SnippetText}");
            Assert.That(marked, Has.Some.Contains("مريكي").Or.Some.Contains("ميركي"), $"{hit.Id}: {hit.SnippetText}");
        }
    }
}
