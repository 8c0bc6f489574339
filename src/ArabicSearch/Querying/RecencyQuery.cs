using System.Runtime.CompilerServices;
using ArabicSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>
/// Relevance with a recency decay (<see cref="SearchSort.RelevanceWithRecency"/>): each article's score is multiplied
/// by 0.5^(age / half-life), its age in days counted from the newest publication day in the index (so an archive is
/// ranked the same whatever today's date). Undated articles are decayed as the oldest possible. The factor never goes
/// below <see cref="Floor"/> (about 20 half-lives), so among very old articles relevance alone decides.
/// </summary>
internal sealed class RecencyQuery : CustomScoreQuery
{
    /// <summary>The smallest decay factor.</summary>
    public const double Floor = 1e-6;

    private static readonly ConditionalWeakTable<object, StrongBox<long>> NewestBySegment = new();
    private readonly double _halfLifeDays;

    public RecencyQuery(Query query, double halfLifeDays) : base(query) => _halfLifeDays = halfLifeDays;

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context)
    {
        long newest = Newest(ReaderUtil.GetTopLevelContext(context).Reader);
        var days = context.AtomicReader.GetNumericDocValues(FieldNames.PublishedValues);
        var has = context.AtomicReader.GetDocsWithField(FieldNames.PublishedValues);
        return new Provider(context, days, has, newest, _halfLifeDays);
    }

    /// <summary>The newest publication day of the whole index, from each segment's cached maximum.</summary>
    private static long Newest(IndexReader top)
    {
        long newest = long.MinValue;
        foreach (var leaf in top.Leaves)
        {
            var reader = leaf.AtomicReader;
            var box = NewestBySegment.GetValue(reader.CoreCacheKey, _ =>
            {
                long max = long.MinValue;
                var values = reader.GetNumericDocValues(FieldNames.PublishedValues);
                var has = reader.GetDocsWithField(FieldNames.PublishedValues);
                if (values is not null && has is not null)
                    for (int d = 0; d < reader.MaxDoc; d++)
                        if (has.Get(d)) max = Math.Max(max, values.Get(d));
                return new StrongBox<long>(max);
            });
            newest = Math.Max(newest, box.Value);
        }
        return newest;
    }

    private sealed class Provider(AtomicReaderContext context, NumericDocValues? days, Lucene.Net.Util.IBits? has, long newest, double halfLife)
        : CustomScoreProvider(context)
    {
        public override float CustomScore(int doc, float subQueryScore, float valSrcScore) => (float)(subQueryScore * Decay(doc));

        public override float CustomScore(int doc, float subQueryScore, float[] valSrcScores) => (float)(subQueryScore * Decay(doc));

        private double Decay(int doc)
        {
            if (days is null || has is null || !has.Get(doc) || newest == long.MinValue) return Floor;
            double age = Math.Max(0, newest - days.Get(doc));
            return Math.Max(Floor, Math.Pow(0.5, age / halfLife));
        }

        public override Explanation CustomExplain(int doc, Explanation subQueryExpl, Explanation valSrcExpl)
        {
            var e = new Explanation((float)(subQueryExpl.Value * Decay(doc)), $"relevance × recency decay (half-life {halfLife} days)");
            e.AddDetail(subQueryExpl);
            return e;
        }
    }

    public override string ToString(string field) => $"recency({SubQuery.ToString(field)}, halfLife={_halfLifeDays})";
}
