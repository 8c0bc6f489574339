using ArabicSearch.Analysis;
using ArabicSearch.Duplicates;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Tests.Duplicates;

public class DuplicateAlgorithmTests
{
    private const string Text = "أعلنت وزارة الدفاع العراقية اليوم أن صاروخين سقطا قرب السفارة الأميركية في المنطقة الخضراء دون أن يسفرا عن إصابات، "
        + "وقالت خلية الإعلام الأمني إن القوات فتحت تحقيقا في الهجوم الذي يأتي بعد أسبوع من استهداف قاعدة عين الأسد غرب البلاد.";

    [TestCase("الكِتابُ الجديدُ")]          // harakat
    [TestCase("هجـــوم مسؤول على الكاظمى")] // tatweel, hamza seat, alef maqsura
    [TestCase("ﻻ شيء 123 ٤٥٦ Latin Words")]   // presentation form, digits, Latin
    [TestCase("")]
    public void WordReader_reads_the_words_the_tokenizer_emits(string text)
    {
        var expected = new List<string>();
        using (var tokenizer = new ArabicTokenizer(new StringReader(text)))
        {
            var term = tokenizer.GetAttribute<ICharTermAttribute>();
            tokenizer.Reset();
            while (tokenizer.IncrementToken()) expected.Add(term.ToString());
            tokenizer.End();
        }
        var actual = new List<string>();
        var reader = new WordReader(text, new char[WordReader.MaxWordLength + 8]);
        while (reader.Next()) actual.Add(reader.Word.ToString());
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Fingerprint_ignores_marks_spelling_variants_and_punctuation()
    {
        var plain = Fingerprinter.Compute(Text);
        var noisy = Fingerprinter.Compute(Text.Replace("أ", "ا", StringComparison.Ordinal).Replace("،", " ,, ", StringComparison.Ordinal).Replace("الدفاع", "الدِّفاع", StringComparison.Ordinal));
        Assert.That(Fingerprint.Agreement(plain.Shingles, noisy.Shingles), Is.EqualTo(1.0));
    }

    // Issue 12, class 5: a copy stored with decomposed hamza (NFD) is the same text.
    [TestCase("\u0624", "\u0648\u0654")] // ؤ
    [TestCase("\u0626", "\u064A\u0654")] // ئ
    [TestCase("\u0623", "\u0627\u0654")] // أ
    [TestCase("\u0625", "\u0627\u0655")] // إ
    [TestCase("\u0622", "\u0627\u0653")] // آ
    public void Fingerprint_and_diff_meet_decomposed_hamza(string composed, string decomposed)
    {
        const string text = "قال المسؤول إن رئيس الهيئة أكد أن الآلاف شاركوا. وأضاف أن المسائل عولجت.";
        string nfd = text.Replace(composed, decomposed, StringComparison.Ordinal);
        Assume.That(nfd, Is.Not.EqualTo(text));
        Assert.That(Fingerprint.Agreement(Fingerprinter.Compute(text).Shingles, Fingerprinter.Compute(nfd).Shingles), Is.EqualTo(1.0));
        Assert.That(SentenceDiff.Compare(text, nfd).Select(c => c.Change), Is.All.EqualTo(SentenceChange.Same));
    }

    [Test]
    public void Fingerprint_of_text_without_content_words_is_empty()
    {
        Assert.That(Fingerprinter.Compute("").ShingleCount, Is.Zero);
        Assert.That(Fingerprinter.Compute("في من على").ShingleCount, Is.Zero, "stopwords only");
        Assert.That(Fingerprinter.Compute("بغداد").ShingleCount, Is.EqualTo(1), "a short text is one shingle");
    }

    [Test]
    public void Fingerprint_round_trips_through_bytes()
    {
        var f = Fingerprinter.Compute(Text);
        var shingles = new uint[Fingerprint.ShingleHashCount];
        var words = new uint[Fingerprint.WordHashCount];
        Assert.That(Fingerprint.TryRead(f.ToBytes(), shingles, words, out int count, out int wordCount), Is.True);
        Assert.That(shingles, Is.EqualTo(f.Shingles.Select(v => v & Fingerprint.StoredBits)), "b-bit MinHash: the low 16 bits");
        Assert.That(words, Is.EqualTo(f.Words.Select(v => v & Fingerprint.StoredBits)));
        Assert.That((count, wordCount), Is.EqualTo((f.ShingleCount, f.WordCount)));
        Assert.That(Fingerprint.TryRead(new byte[10], shingles, words, out _, out _), Is.False, "wrong length");
        Assert.That(f.ToBytes(), Has.Length.EqualTo(393));
    }

    [Test]
    public void Fingerprint_of_version_1_reads_as_its_low_16_bits()
    {
        // An index written before b-bit storage: version 1, 32 bits per minimum. Its fingerprints must still compare
        // with new ones (duplicates across old and new segments).
        var f = Fingerprinter.Compute(Text);
        var v1 = new byte[1 + 4 + 4 + 4 * (Fingerprint.ShingleHashCount + Fingerprint.WordHashCount)];
        v1[0] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(1), f.ShingleCount);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(5), f.WordCount);
        int at = 9;
        foreach (uint v in f.Shingles.Concat(f.Words)) { System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(v1.AsSpan(at), v); at += 4; }
        var (oldShingles, oldWords, newShingles, newWords) = (new uint[128], new uint[64], new uint[128], new uint[64]);
        Assert.That(Fingerprint.TryRead(v1, oldShingles, oldWords, out int count, out _), Is.True);
        Assert.That(Fingerprint.TryRead(f.ToBytes(), newShingles, newWords, out _, out _), Is.True);
        Assert.That((oldShingles, oldWords, count), Is.EqualTo((newShingles, newWords, f.ShingleCount)));
        v1[0] = 3;
        Assert.That(Fingerprint.TryRead(v1, oldShingles, oldWords, out _, out _), Is.False, "unknown version");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void Fingerprint_estimate_follows_the_exact_similarity(int editedWords)
    {
        var words = Text.Split(' ');
        for (int i = 0; i < editedWords; i++) words[3 + i * 7] = "كلمة" + i;
        string edited = string.Join(' ', words);
        double exact = Fingerprinter.Jaccard(Fingerprinter.ShingleSet(Text), Fingerprinter.ShingleSet(edited));
        double estimate = Fingerprint.Agreement(Fingerprinter.Compute(Text).Shingles, Fingerprinter.Compute(edited).Shingles);
        Assert.That(exact, Is.LessThan(1.0));
        Assert.That(estimate, Is.EqualTo(exact).Within(0.15));
    }

    [TestCase(0.3)]
    [TestCase(0.5)]
    [TestCase(0.8)]
    public void Banding_compares_pairs_at_the_threshold_almost_surely(double threshold)
    {
        var b = Banding.For(Fingerprint.ShingleHashCount, threshold, 0.98);
        Assert.That(b.Bands * b.Rows, Is.LessThanOrEqualTo(Fingerprint.ShingleHashCount));
        Assert.That(Banding.CandidateProbability(threshold, b.Bands, b.Rows), Is.GreaterThanOrEqualTo(0.98));
        Assert.That(Banding.CandidateProbability(0.05, b.Bands, b.Rows), Is.LessThan(0.5), "unrelated texts are rarely compared");
    }

    [Test]
    public void DuplicateFinder_groups_copies_and_leaves_others_alone()
    {
        var table = new FingerprintTable(2);
        table.TryAdd(10, Fingerprinter.Compute(Text), 100);
        table.TryAdd(11, Fingerprinter.Compute("أخبار الرياضة: فاز الفريق الوطني بالمباراة النهائية بهدفين مقابل هدف واحد في ملعب المدينة"), 100);
        table.TryAdd(12, Fingerprinter.Compute(Text + " وأضافت الوزارة أن التحقيق مستمر."), 101);
        table.TryAdd(13, Fingerprinter.Compute(Text), 300);
        Assert.That(table.TryAdd(14, Fingerprinter.Compute("في"), 100), Is.False, "no content words");
        var pairs = DuplicateFinder.NearDuplicates(table, 0.5);
        var groups = DuplicateFinder.Components(table.Count, pairs);
        Assert.That(groups.Select(g => g.Select(table.KeyOf)), Is.EqualTo(new[] { new[] { 10, 12, 13 } }));
    }

    [Test]
    public void DuplicateFinder_related_needs_close_dates()
    {
        var table = new FingerprintTable();
        table.TryAdd(0, Fingerprinter.Compute(Text), 100);
        table.TryAdd(1, Fingerprinter.Compute(Text), 102);
        table.TryAdd(2, Fingerprinter.Compute(Text), 200);
        table.TryAdd(3, Fingerprinter.Compute(Text), FingerprintTable.Undated);
        var pairs = DuplicateFinder.Related(table, 0.5, 3);
        Assert.That(pairs.Select(p => (p.First, p.Second)), Is.EqualTo(new[] { (0, 1) }));
    }

    [Test]
    public void DuplicateFinder_stars_do_not_chain()
    {
        // A chain 0-1-2-3-4 plus a hub 5 linked to 6, 7 and 8: components would make two groups of 5 and 4 (chained);
        // stars put each member with a leader it is linked to.
        var edges = new[] { (0, 1), (1, 2), (2, 3), (3, 4), (5, 6), (5, 7), (5, 8) }.Select(e => new RowPair(e.Item1, e.Item2, 0, 0.2)).ToList();
        Assert.That(DuplicateFinder.Components(9, edges).Select(g => g.Count), Is.EqualTo(new[] { 5, 4 }));
        // Leaders by degree: 5 (three links), then 1 (two), then 3 (2 is taken by 1's group).
        Assert.That(DuplicateFinder.Stars(9, edges), Is.EqualTo(new[] { new[] { 5, 6, 7, 8 }, new[] { 0, 1, 2 }, new[] { 3, 4 } }));
    }

    [Test]
    public void HitCollapser_puts_copies_under_the_best_ranked_one()
    {
        var a = Fingerprinter.Compute(Text).Shingles;
        var b = Fingerprinter.Compute("أخبار الرياضة: فاز الفريق الوطني بالمباراة النهائية بهدفين مقابل هدف واحد").Shingles;
        var groups = HitCollapser.Collapse([b, a, null, a, b, a], 0.5);
        Assert.That(groups.Select(g => (g.Leader, string.Join(",", g.Others))), Is.EqualTo(new[] { (0, "4"), (1, "3,5"), (2, "") }));
    }

    [TestCase("جملة أولى. جملة ثانية", 2)]
    [TestCase("هل وصل؟ نعم وصل!", 2)]
    [TestCase("سطر أول\nسطر ثان", 2)]
    [TestCase("بلغ النمو 3.5 بالمئة هذا العام", 1)]       // a decimal point is no sentence end
    [TestCase("قال [هذا مدرج.] ثم أكمل.", 2)]            // the closing bracket stays with its sentence
    [TestCase("... . ؟", 0)]                              // no words, no sentences
    public void SentenceDiff_splits_sentences(string text, int count) =>
        Assert.That(SentenceDiff.Split(text), Has.Count.EqualTo(count));

    [Test]
    public void SentenceDiff_marks_added_and_dropped_sentences_only()
    {
        var diff = SentenceDiff.Compare("أ. ب. ج. د.", "أ. ب! جديدة. د.");
        Assert.That(diff.Select(d => (d.Change, d.Text)), Is.EqualTo(new[]
        {
            (SentenceChange.Same, "أ."), (SentenceChange.Same, "ب."), (SentenceChange.Added, "جديدة."), (SentenceChange.Dropped, "ج."), (SentenceChange.Same, "د."),
        }));
    }
}
