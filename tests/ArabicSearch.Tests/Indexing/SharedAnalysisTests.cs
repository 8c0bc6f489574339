using ArabicSearch.Analysis;
using ArabicSearch.Dates;
using ArabicSearch.Duplicates;
using ArabicSearch.Entities;
using ArabicSearch.Indexing;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ArabicSearch.Tests.Indexing;

/// <summary>
/// Issue 16, one analysis pass for every view: what <see cref="AnalyzedText"/> replays and what the mapper indexes from
/// it must be exactly what the analyzers and the per-field pipeline give (terms, positions, offsets, flags, norms, and
/// the entities, dates, fingerprints and completions fed from the same words).
/// </summary>
public class SharedAnalysisTests
{
    // Texts that stress the edges of the chain, one per case.
    private static readonly string[] Hard =
    [
        "", // nothing
        "   \n\t ", // no word
        "في", // one stopword: no stemmed or loose token, a trailing hole
        "قال الرئيس في", // trailing stopword
        "في من على بغداد", // leading stopwords: one position gap
        "صلى الله عليه ﷺ وسلم", // a ligature of several words at one offset
        "إلكترونية آلية الكتاب والكتاب للاعب بالعراق وقال", // hamza masks and proclitic readings (stacked terms)
        "كوفيد19 2021م ٢٠٢١ هجوماً هجـــوما", // digits glued to letters, Arabic-Indic digits, tanween, tatweel
        new string('ب', 600), // a word longer than MaxTokenLength, cut in pieces
        "ءَامِنُوا۟ \u0627\u0654\u0645\u064A\u0631", // Uthmani alef, decomposed hamza
        "ٱلصَّلَوٰةَ وَمُوسَىٰ أَتَىٰنَا ذَٰلِكَ ٱلسَّمَٰوَٰتِ \u0670ب", // Uthmani dagger alef (a lone one starts no word)
        "The Iraqi PM al-Kadhimi met Biden on 24/2/2021.", // Latin, numbers, a numeric date
        "\u064B\u064C  ـــ", // marks and tatweel alone
    ];

    private static string[] HardCases() => Hard;

    [TestCaseSource(nameof(HardCases))]
    public void Replay_matches_the_analyzer_on_hard_text(string text) => AssertSameStreams(text);

    [Test]
    public void Replay_matches_the_analyzer_on_the_seed_articles()
    {
        var articles = SeedCorpus.Articles;
        Assert.That(articles, Is.Not.Empty);
        foreach (var a in articles)
        {
            AssertSameStreams(a.Title);
            AssertSameStreams(a.Body);
        }
    }

    [Test]
    public void Replay_matches_the_analyzer_on_the_shared_corpus()
    {
        var articles = CorpusSample(300);
        foreach (var a in articles)
        {
            AssertSameStreams(a.Title);
            AssertSameStreams(a.Body);
        }
    }

    [Test]
    public void Words_are_those_of_TextWords_Split()
    {
        foreach (var text in Hard.Concat(SeedCorpus.Articles.SelectMany(a => new[] { a.Title, a.Body })))
            Assert.That(AnalyzedText.Of(text).Words, Is.EqualTo(TextWords.Split(text)), text);
    }

    [Test]
    public void Replay_streams_are_independent_across_threads()
    {
        var texts = SeedCorpus.Articles.SelectMany(a => new[] { a.Title, a.Body }).Concat(Hard).ToList();
        var expected = texts.Select(t => Streams(t, analyzed: false)).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (int i = 0; i < texts.Count; i++)
                if (!Streams(texts[i], analyzed: true).SequenceEqual(expected[i])) failures.Add(texts[i]);
        });
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Index_is_identical_to_the_per_field_pipeline_on_the_seed_articles()
    {
        var articles = SeedCorpus.Articles.Concat(Hard.Select((t, i) => new Article($"hard{i}", t) { Title = Hard[(i + 3) % Hard.Length] })).ToList();
        AssertSameIndex(articles);
    }

    [Test]
    public void Index_is_identical_to_the_per_field_pipeline_on_the_shared_corpus() => AssertSameIndex(CorpusSample(300));

    [Test]
    public void Entities_dates_and_fingerprints_from_the_shared_words_are_unchanged()
    {
        var articles = SeedCorpus.Articles.ToList();
        articles.AddRange(CorpusSample(300, ignoreWhenAbsent: false));
        var recognizer = EntityRecognizer.Default;
        foreach (var a in articles)
        {
            var title = AnalyzedText.Of(a.Title);
            var body = AnalyzedText.Of(a.Body);
            Assert.That(Mentions(recognizer.Recognize(a.Body, body.Words)), Is.EqualTo(Mentions(recognizer.Recognize(a.Body))), a.Id);
            Assert.That(Mentions(recognizer.Recognize(a.Title, title.Words)), Is.EqualTo(Mentions(recognizer.Recognize(a.Title))), a.Id);
            Assert.That(DateMentionExtractor.DistinctDays(a.Title, title.Words, a.Body, body.Words, a.Published),
                Is.EqualTo(DateMentionExtractor.DistinctDays(a.Title + "\n" + a.Body, a.Published)), a.Id);
            Assert.That(DuplicateIndex.FingerprintOf(title, body).ToBytes(), Is.EqualTo(DuplicateIndex.FingerprintOf(a).ToBytes()), a.Id);
        }
    }

    private static List<string> Mentions(IReadOnlyList<EntityMention> mentions) =>
        mentions.Select(m => $"{m.Entity.Id}|{m.Entity.Name}|{m.Entity.Type}|{string.Join(",", m.Entity.Aliases)}|{m.Start}|{m.End}|{m.Nested}").ToList();

    [Test]
    public void Of_reuses_its_buffers_after_a_huge_text()
    {
        // A text of 400,000 words grows the thread's buffers past what is kept; the next texts must start afresh.
        var huge = string.Join(' ', Enumerable.Repeat("قال", 400_000));
        Assert.That(AnalyzedText.Of(huge).Count, Is.EqualTo(400_000));
        foreach (var text in Hard.Append(huge).Append(SeedCorpus.Articles[0].Body)) AssertSameStreams(text);
    }

    [Test]
    public void ToDocument_takes_a_headline_with_a_ligature_of_words()
    {
        // ﷺ is four words at one offset; a two-word completion across them used to slice backwards and throw.
        var article = new Article("a", "نص") { Title = "قال النبي ﷺ اليوم" };
        Assert.That(new DocumentMapper(EntityRecognizer.Default).ToDocument(article).GetValues(FieldNames.Id), Is.EqualTo(new[] { "a" }));
    }

    private static void AssertSameStreams(string text)
    {
        foreach (var view in Enum.GetValues<ArabicView>())
            Assert.That(Stream(text, view, analyzed: true), Is.EqualTo(Stream(text, view, analyzed: false)), $"{view} view of \"{Shorten(text)}\"");
    }

    private static List<string> Streams(string text, bool analyzed) =>
        Enum.GetValues<ArabicView>().SelectMany(v => Stream(text, v, analyzed)).ToList();

    /// <summary>Every token as term|increment|start|end|flags, then the end state (final offset and increment).</summary>
    private static List<string> Stream(string text, ArabicView view, bool analyzed)
    {
        using var analyzer = new ArabicSearchAnalyzer(view);
        using var ts = analyzed ? AnalyzedText.Of(text).Stream(view) : analyzer.GetTokenStream("f", text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var inc = ts.AddAttribute<IPositionIncrementAttribute>();
        var off = ts.AddAttribute<IOffsetAttribute>();
        var flags = ts.AddAttribute<IFlagsAttribute>();
        var list = new List<string>();
        ts.Reset();
        while (ts.IncrementToken()) list.Add($"{term}|{inc.PositionIncrement}|{off.StartOffset}|{off.EndOffset}|{flags.Flags}");
        ts.End();
        list.Add($"end|{inc.PositionIncrement}|{off.StartOffset}|{off.EndOffset}");
        return list;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Indexes the articles with the shared pass and with the per-field pipeline and compares both indexes in full.</summary>
    private static void AssertSameIndex(List<Article> articles)
    {
        Assert.That(articles, Is.Not.Empty);
        using var shared = Build(articles, sharedAnalysis: true);
        using var reference = Build(articles, sharedAnalysis: false);
        using var a = DirectoryReader.Open(shared);
        using var b = DirectoryReader.Open(reference);
        Assert.That(a.Leaves, Has.Count.EqualTo(1));
        Assert.That(b.Leaves, Has.Count.EqualTo(1));
        var ra = a.Leaves[0].AtomicReader;
        var rb = b.Leaves[0].AtomicReader;
        Assert.That(ra.MaxDoc, Is.EqualTo(rb.MaxDoc));

        var fieldsA = ra.FieldInfos.Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        Assert.That(fieldsA, Is.EqualTo(rb.FieldInfos.Select(f => f.Name).Order(StringComparer.Ordinal).ToList()));
        int postings = 0;
        foreach (var name in fieldsA)
        {
            var fa = ra.FieldInfos.FieldInfo(name)!;
            var fb = rb.FieldInfos.FieldInfo(name)!;
            Assert.That((fa.IsIndexed, fa.IndexOptions, fa.OmitsNorms, fa.HasNorms, fa.HasPayloads, fa.DocValuesType, fa.NormType),
                Is.EqualTo((fb.IsIndexed, fb.IndexOptions, fb.OmitsNorms, fb.HasNorms, fb.HasPayloads, fb.DocValuesType, fb.NormType)), name);
            if (fa.IsIndexed) postings += ComparePostings(name, ra.GetTerms(name), rb.GetTerms(name));
            if (fa.HasNorms)
            {
                var na = ra.GetNormValues(name);
                var nb = rb.GetNormValues(name);
                for (int d = 0; d < ra.MaxDoc; d++) Assert.That(na.Get(d), Is.EqualTo(nb.Get(d)), $"norm of {name} in doc {d}");
            }
        }
        Assert.That(postings, Is.GreaterThan(articles.Count * 10), "the comparison read postings");

        for (int d = 0; d < ra.MaxDoc; d++)
        {
            var sa = ra.Document(d).Fields.Select(f => $"{f.Name}={f.GetStringValue()}{Convert.ToHexString(f.GetBinaryValue()?.Bytes ?? [])}{f.GetInt32Value()}{f.GetInt64Value()}");
            var sb = rb.Document(d).Fields.Select(f => $"{f.Name}={f.GetStringValue()}{Convert.ToHexString(f.GetBinaryValue()?.Bytes ?? [])}{f.GetInt32Value()}{f.GetInt64Value()}");
            Assert.That(sa, Is.EqualTo(sb), $"stored fields of doc {d}");
        }
        var fpA = ra.GetBinaryDocValues(FieldNames.Fingerprint);
        var fpB = rb.GetBinaryDocValues(FieldNames.Fingerprint);
        var x = new BytesRef();
        var y = new BytesRef();
        for (int d = 0; d < ra.MaxDoc; d++)
        {
            fpA.Get(d, x);
            fpB.Get(d, y);
            Assert.That(x.BytesEquals(y), $"fingerprint of doc {d}");
        }
    }

    /// <summary>Terms, doc frequencies, and per document the frequency and every position; returns the postings read.</summary>
    private static int ComparePostings(string field, Terms? ta, Terms? tb)
    {
        Assert.That(ta is null, Is.EqualTo(tb is null), field);
        if (ta is null || tb is null) return 0;
        var ea = ta.GetEnumerator();
        var eb = tb.GetEnumerator();
        int n = 0;
        while (true)
        {
            bool hasA = ea.MoveNext(), hasB = eb.MoveNext();
            Assert.That(hasA, Is.EqualTo(hasB), $"{field}: one index has more terms");
            if (!hasA) return n;
            Assert.That(ea.Term.Utf8ToString(), Is.EqualTo(eb.Term.Utf8ToString()), field);
            Assert.That(ea.DocFreq, Is.EqualTo(eb.DocFreq), $"{field}:{ea.Term.Utf8ToString()}");
            Assert.That(ea.TotalTermFreq, Is.EqualTo(eb.TotalTermFreq), $"{field}:{ea.Term.Utf8ToString()}");
            var pa = ea.DocsAndPositions(null, null);
            var pb = eb.DocsAndPositions(null, null);
            if (pa is null || pb is null)
            {
                Assert.That(pa is null && pb is null, $"{field}: positions in one index only");
                var da = ea.Docs(null, null);
                var db = eb.Docs(null, null);
                int doc;
                while ((doc = da.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.That(db.NextDoc(), Is.EqualTo(doc), $"{field}:{ea.Term.Utf8ToString()}");
                    Assert.That(da.Freq, Is.EqualTo(db.Freq), $"{field}:{ea.Term.Utf8ToString()} freq in doc {doc}");
                    n++;
                }
                Assert.That(db.NextDoc(), Is.EqualTo(DocIdSetIterator.NO_MORE_DOCS));
                continue;
            }
            int d;
            while ((d = pa.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                Assert.That(pb.NextDoc(), Is.EqualTo(d), $"{field}:{ea.Term.Utf8ToString()}");
                Assert.That(pa.Freq, Is.EqualTo(pb.Freq), $"{field}:{ea.Term.Utf8ToString()} freq in doc {d}");
                for (int i = 0; i < pa.Freq; i++)
                    Assert.That(pa.NextPosition(), Is.EqualTo(pb.NextPosition()), $"{field}:{ea.Term.Utf8ToString()} position {i} in doc {d}");
                n++;
            }
            Assert.That(pb.NextDoc(), Is.EqualTo(DocIdSetIterator.NO_MORE_DOCS));
        }
    }

    private static RAMDirectory Build(List<Article> articles, bool sharedAnalysis)
    {
        var dir = new RAMDirectory();
        using var analyzer = new FieldAnalyzer();
        var mapper = new DocumentMapper(EntityRecognizer.Default, 2, sharedAnalysis);
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 256, MaxBufferedDocs = 100_000 }))
        {
            foreach (var a in articles) writer.AddDocument(mapper.ToDocument(a));
            writer.Commit();
        }
        return dir;
    }

    /// <summary>Articles spread over ../shared/corpora/ant-multisource-v2.1.trec.gz; the test is ignored (not passed) without it.</summary>
    private static List<Article> CorpusSample(int count, bool ignoreWhenAbsent = true)
    {
        string? path = null;
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null && path is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpora", "ant-multisource-v2.1.trec.gz");
            if (File.Exists(candidate)) path = Path.GetFullPath(candidate);
        }
        if (path is null)
        {
            if (ignoreWhenAbsent) Assert.Ignore("../shared/corpora/ant-multisource-v2.1.trec.gz is not present next to the repository; the seed-article tests cover the same ground on less text.");
            return [];
        }
        var all = ArabicSearch.Ingestion.TrecReader.Read(path).Where(r => r.Article is not null).Select(r => r.Article!).Take(6_000).ToList();
        int step = Math.Max(1, all.Count / count);
        return all.Where((_, i) => i % step == 0).Take(count).ToList();
    }
}
