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
    private static bool MayRead(string term, string word, bool subsequence = false)
    {
        string w = ArabicNormalizer.Normalize(word);
        return LetterFilter.Of([ArabicNormalizer.Normalize(term)], subsequence).MayRead(w, LetterFilter.LettersOf(w));
    }

    [TestCase("كتاب", "والكتابان")]   // a stemmed reading is a part of the word
    [TestCase("2021", "2021م")]      // a term with digits is not filtered
    [TestCase("covid", "كوفيد")]     // nor one in Latin letters
    public void MayRead_lets_through_a_word_that_can_hold_the_term(string term, string word) =>
        Assert.That(MayRead(term, word), Is.True);

    [TestCase("ضهر", "الظهر")]       // the loose stem reads ظ as ض
    [TestCase("كتب", "الكاتب")]      // ... and drops long vowels: a subsequence
    public void MayRead_lets_through_a_word_that_can_hold_a_loose_term(string term, string word) =>
        Assert.That(MayRead(term, word, subsequence: true), Is.True);

    [TestCase("كتاب", "الكاتب")]     // every letter is there, in another order
    [TestCase("ضهر", "الظهر")]       // a stemmed reading is never respelled
    public void MayRead_rejects_a_word_that_does_not_hold_the_term_as_a_part(string term, string word) =>
        Assert.That(MayRead(term, word), Is.False);

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
        foreach (var article in ArticleFiles.Read(path!).Take(2_000).Select(r => r.Article).OfType<Article>())
        {
            string text = article.Title + "\n" + article.Body;
            int position = 0;
            while (WordScanner.Next(text, ref position, word, out int length, out _, out _, out uint mask))
            {
                words++;
                var w = word[..length];
                ulong letters = LetterFilter.LettersOf(w);
                int n = ArabicWord.StemReadings(w, mask, buffer, lengths);
                var readings = Enumerable.Range(0, n).Select(r => new string(buffer, r * length, lengths[r])).Append(w.ToString());
                foreach (var r in readings)
                    if (!LetterFilter.Of([r]).MayRead(w, letters) && failures.Count < 10) failures.Add($"{w.ToString()} → stemmed {r}");
                w.CopyTo(loose);
                string looseReading = new(loose, 0, ArabicLooseStemmer.Stem(loose, length, mask));
                if (!LetterFilter.Of([looseReading], subsequence: true).MayRead(w, letters) && failures.Count < 10) failures.Add($"{w.ToString()} → loose {looseReading}");
            }
        }
        Assert.That(failures, Is.Empty, $"{words:N0} words checked");
    }
}
