using ArabicSearch.Duplicates;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArabicSearch.Indexing;

/// <summary>
/// Near-duplicates over an index: reads the fingerprints that <see cref="DocumentMapper"/> stores as binary doc
/// values and hands them to the pure algorithms (<see cref="DuplicateFinder"/>, <see cref="HitCollapser"/>,
/// <see cref="SentenceDiff"/>). Stateless; every method works on the searcher it is given.
/// </summary>
internal static class DuplicateIndex
{
    private static readonly HashSet<string> SummaryFields = [FieldNames.Id, FieldNames.Title, FieldNames.Source, FieldNames.Published];

    /// <summary>The fingerprint of an article's body, or of its headline when the body has no words.</summary>
    public static Fingerprint FingerprintOf(Article article)
    {
        return Fingerprinter.Compute(Fingerprinter.HasContentWord(article.Body) ? article.Body : article.Title);
    }

    /// <summary>As <see cref="FingerprintOf(Article)"/>, from the article's headline and body already analysed.</summary>
    public static Fingerprint FingerprintOf(Analysis.AnalyzedText title, Analysis.AnalyzedText body) =>
        Fingerprinter.Compute(body.HasContentWord() ? body : title);

    /// <summary>The fingerprints of every live article; the table's keys are top-level doc ids.</summary>
    public static FingerprintTable Load(IndexReader reader, out int without)
    {
        var table = new FingerprintTable(reader.NumDocs);
        var scratch = new BytesRef();
        without = 0;
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var fingerprints = atomic.GetBinaryDocValues(FieldNames.Fingerprint);
            var days = atomic.GetNumericDocValues(FieldNames.PublishedValues);
            var dated = atomic.GetDocsWithField(FieldNames.PublishedValues);
            var live = atomic.LiveDocs;
            for (int d = 0; d < atomic.MaxDoc; d++)
            {
                if (live is not null && !live.Get(d)) continue;
                int day = days is not null && dated is not null && dated.Get(d) ? (int)days.Get(d) : FingerprintTable.Undated;
                if (fingerprints is null) { without++; continue; }
                fingerprints.Get(d, scratch);
                if (!table.TryAdd(leaf.DocBase + d, scratch.Bytes.AsSpan(scratch.Offset, scratch.Length), day)) without++;
            }
        }
        return table;
    }

    public static DuplicateReport FindGroups(IndexSearcher searcher, DuplicateOptions options)
    {
        var table = Load(searcher.IndexReader, out int without);
        // With exact checking, look a little below the threshold so that pairs the estimate puts just under it are checked too.
        double estimateFloor = options.Exact ? Math.Max(0.05, options.Threshold - 0.15) : options.Threshold;
        var pairs = DuplicateFinder.NearDuplicates(table, estimateFloor);
        var texts = new Dictionary<int, HashSet<ulong>>();
        var accepted = new List<(RowPair Pair, bool Exact)>();
        foreach (var p in pairs)
        {
            if (!options.Exact) { accepted.Add((p, false)); continue; }
            double exact = Fingerprinter.Jaccard(ShinglesOf(searcher, table.KeyOf(p.First), texts), ShinglesOf(searcher, table.KeyOf(p.Second), texts));
            if (exact >= options.Threshold) accepted.Add((p with { Similarity = exact }, true));
        }
        if (options.Level == ArticleRelation.Related)
        {
            var near = accepted.Select(a => (a.Pair.First, a.Pair.Second)).ToHashSet();
            foreach (var p in DuplicateFinder.Related(table, options.RelatedThreshold, options.RelatedWindowDays))
                if (!near.Contains((p.First, p.Second))) accepted.Add((p, false));
        }

        var summaries = new Dictionary<int, DuplicateArticle>();
        DuplicateArticle Summary(int row) =>
            summaries.TryGetValue(row, out var s) ? s : summaries[row] = SummaryOf(searcher, table.KeyOf(row));

        var groups = new List<DuplicateGroup>();
        var byRow = accepted.ToLookup(a => a.Pair.First);
        // Near-duplicates chain only through copies of copies, so they group by connected components; related
        // articles would chain across whole topics, so they group around a leader (see DuplicateFinder.Stars).
        var clusters = options.Level == ArticleRelation.Related
            ? DuplicateFinder.Stars(table.Count, accepted.Select(a => a.Pair))
            : DuplicateFinder.Components(table.Count, accepted.Select(a => a.Pair));
        foreach (var component in clusters)
        {
            var inGroup = component.ToHashSet();
            var members = component.Select(Summary)
                .OrderBy(m => m.Published ?? DateOnly.MaxValue).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
            var groupPairs = component.SelectMany(row => byRow[row]).Where(a => inGroup.Contains(a.Pair.Second))
                .Select(a => ToPair(a.Pair, a.Exact, Summary, table, options))
                .OrderByDescending(p => options.Level == ArticleRelation.Related ? p.WordSimilarity : p.Similarity).ToList();
            double similarity = options.Level == ArticleRelation.Related ? groupPairs.Min(p => p.WordSimilarity) : groupPairs.Min(p => p.Similarity);
            groups.Add(new DuplicateGroup { Members = members, Pairs = groupPairs, Similarity = Math.Round(similarity, 4) });
        }
        return new DuplicateReport { Groups = groups, Articles = table.Count, WithoutFingerprint = without };
    }

    private static DuplicatePair ToPair(RowPair p, bool exact, Func<int, DuplicateArticle> summary, FingerprintTable table, DuplicateOptions options)
    {
        int? apart = table.DayOf(p.First) == FingerprintTable.Undated || table.DayOf(p.Second) == FingerprintTable.Undated
            ? null : Math.Abs(table.DayOf(p.First) - table.DayOf(p.Second));
        return new DuplicatePair
        {
            FirstId = summary(p.First).Id,
            SecondId = summary(p.Second).Id,
            Similarity = Math.Round(p.Similarity, 4),
            WordSimilarity = Math.Round(p.WordSimilarity, 4),
            Exact = exact,
            DaysApart = apart,
            Relation = options.Classify(p.Similarity, p.WordSimilarity, apart),
        };
    }

    public static ArticleDiff Diff(IndexSearcher searcher, string firstId, string secondId, DuplicateOptions options)
    {
        var first = searcher.Doc(DocOf(searcher, firstId));
        var second = searcher.Doc(DocOf(searcher, secondId));
        string a = BodyOf(first), b = BodyOf(second);
        var pa = DocumentMapper.PublishedOf(first);
        var pb = DocumentMapper.PublishedOf(second);
        int? apart = pa is { } x && pb is { } y ? Math.Abs(x.DayNumber - y.DayNumber) : null;
        double similarity = Fingerprinter.Jaccard(Fingerprinter.ShingleSet(a), Fingerprinter.ShingleSet(b));
        double words = Fingerprinter.Jaccard(Fingerprinter.WordSet(a), Fingerprinter.WordSet(b));
        return new ArticleDiff
        {
            FirstId = firstId,
            SecondId = secondId,
            Similarity = Math.Round(similarity, 4),
            WordSimilarity = Math.Round(words, 4),
            DaysApart = apart,
            Relation = options.Classify(similarity, words, apart),
            Sentences = SentenceDiff.Compare(a, b).Select(s => new DiffSentence(s.Change, s.Text)).ToList(),
        };
    }

    /// <summary>
    /// Groups ranked hits by near-duplication (see <see cref="HitCollapser"/>); hits without a fingerprint stay alone.
    /// </summary>
    public static List<(int Leader, List<int> Others)> Collapse(IndexReader reader, ScoreDoc[] hits, double threshold)
    {
        var leaves = reader.Leaves;
        var scratch = new BytesRef();
        var signatures = new uint[]?[hits.Length];
        var words = new uint[Fingerprint.WordHashCount];
        for (int i = 0; i < hits.Length; i++)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hits[i].Doc, leaves)];
            var values = leaf.AtomicReader.GetBinaryDocValues(FieldNames.Fingerprint);
            if (values is null) continue;
            values.Get(hits[i].Doc - leaf.DocBase, scratch);
            var shingles = new uint[Fingerprint.ShingleHashCount];
            if (Fingerprint.TryRead(scratch.Bytes.AsSpan(scratch.Offset, scratch.Length), shingles, words, out int count, out _) && count > 0)
                signatures[i] = shingles;
        }
        return HitCollapser.Collapse(signatures, threshold);
    }

    /// <summary>The ids of the given hits.</summary>
    public static IReadOnlyList<string> IdsOf(IndexSearcher searcher, ScoreDoc[] hits, List<int> which) =>
        which.Select(i => searcher.Doc(hits[i].Doc, IdField).Get(FieldNames.Id) ?? "").ToList();

    private static readonly HashSet<string> IdField = [FieldNames.Id];

    private static HashSet<ulong> ShinglesOf(IndexSearcher searcher, int doc, Dictionary<int, HashSet<ulong>> cache)
    {
        if (!cache.TryGetValue(doc, out var set)) cache[doc] = set = Fingerprinter.ShingleSet(BodyOf(searcher.Doc(doc)));
        return set;
    }

    /// <summary>The text a fingerprint was computed from: the body, or the headline when the body has no words.</summary>
    private static string BodyOf(Document doc)
    {
        string body = doc.Get(FieldNames.Body) ?? "";
        return Fingerprinter.HasContentWord(body) ? body : doc.Get(FieldNames.Title) ?? "";
    }

    private static DuplicateArticle SummaryOf(IndexSearcher searcher, int doc)
    {
        var d = searcher.Doc(doc, SummaryFields);
        return new DuplicateArticle
        {
            Id = d.Get(FieldNames.Id) ?? "",
            Title = d.Get(FieldNames.Title) ?? "",
            Source = d.Get(FieldNames.Source) ?? "",
            Published = DocumentMapper.PublishedOf(d),
        };
    }

    private static int DocOf(IndexSearcher searcher, string id)
    {
        var top = searcher.Search(new TermQuery(new Term(FieldNames.Id, id)), 1);
        if (top.TotalHits == 0) throw new ArticleNotFoundException($"No article with id '{id}'.");
        return top.ScoreDocs[0].Doc;
    }
}
