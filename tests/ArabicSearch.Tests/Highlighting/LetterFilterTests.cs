using ArabicSearch.Analysis;
using ArabicSearch.Highlighting;
using ArabicSearch.Ingestion;

namespace ArabicSearch.Tests.Highlighting;

/// <summary>
/// <see cref="LetterFilter"/> lets the highlighter skip computing a word's readings; it must never skip a word one of
/// whose readings is a term.
/// </summary>
public class LetterFilterTests
{
    private static bool MayRead(string term, string word) =>
        LetterFilter.Of([ArabicNormalizer.Normalize(term)]).MayRead(LetterFilter.LettersOf(ArabicNormalizer.Normalize(word)));

    [TestCase("كتاب", "والكتابان")]   // a stemmed reading is a part of the word
    [TestCase("ضهر", "الظهر")]       // the loose stem reads ظ as ض
    [TestCase("2021", "2021م")]      // a term with digits is not filtered
    [TestCase("covid", "كوفيد")]     // nor one in Latin letters
    public void MayRead_lets_through_a_word_that_can_hold_the_term(string term, string word) =>
        Assert.That(MayRead(term, word), Is.True);

    [TestCase("كتاب", "الكاتب")]     // every letter is there, in another order: let through (the readings decide)
    public void MayRead_is_only_a_necessary_condition(string term, string word) =>
        Assert.That(MayRead(term, word), Is.True);

    [TestCase("بغداد", "البصرة")]    // غ missing
    [TestCase("كتاب", "قلم")]
    public void MayRead_rejects_a_word_without_a_letter_of_the_term(string term, string word) =>
        Assert.That(MayRead(term, word), Is.False);

    [Test]
    public void MayRead_holds_for_every_reading_of_every_word_of_news_articles()
    {
        string? path = null;
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null && path is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpora", "ant-multisource-v2.1.trec.gz");
            if (File.Exists(candidate)) path = Path.GetFullPath(candidate);
        }
        if (path is null) Assert.Ignore("../shared/corpora/ant-multisource-v2.1.trec.gz is not present next to the repository; this test needs it.");
        var buffer = new char[ArabicWord.MaxReadings * WordScanner.OutputLength];
        var lengths = new int[ArabicWord.MaxReadings];
        var loose = new char[WordScanner.OutputLength];
        Span<char> word = stackalloc char[WordScanner.OutputLength];
        var failures = new List<string>();
        long words = 0;
        foreach (var article in ArticleFiles.Read(path!).Take(1_000).Select(r => r.Article).OfType<Article>())
        {
            string text = article.Title + "\n" + article.Body;
            int position = 0;
            while (WordScanner.Next(text, ref position, word, out int length, out _, out _, out uint mask))
            {
                words++;
                var w = word[..length];
                ulong letters = LetterFilter.LettersOf(w);
                int n = ArabicWord.StemReadings(w, mask, buffer, lengths);
                var readings = Enumerable.Range(0, n).Select(r => new string(buffer, r * length, lengths[r])).ToList();
                w.CopyTo(loose);
                readings.Add(new string(loose, 0, ArabicLooseStemmer.Stem(loose, length, mask)));
                readings.Add(w.ToString());
                foreach (var r in readings)
                    if (!LetterFilter.Of([r]).MayRead(letters) && failures.Count < 10) failures.Add($"{w.ToString()} → {r}");
            }
        }
        Assert.That(failures, Is.Empty, $"{words:N0} words checked");
    }
}
