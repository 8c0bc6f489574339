namespace ArabicSearch.Evaluation;

/// <summary>Mean retrieval metrics of one run over a set of queries. Immutable.</summary>
/// <param name="Mrr10">Mean reciprocal rank of the first relevant document within the top 10 (0 when none).</param>
/// <param name="Recall1">Share of the relevant documents found in the top 1, averaged over queries.</param>
/// <param name="Recall5">… in the top 5.</param>
/// <param name="Recall10">… in the top 10.</param>
/// <param name="Recall100">… in the top 100.</param>
/// <param name="Ndcg10">Normalized discounted cumulative gain at 10 (linear gains, log2 discount, as trec_eval).</param>
/// <param name="Map">Mean average precision over the whole ranked list.</param>
public sealed record RetrievalMetrics(double Mrr10, double Recall1, double Recall5, double Recall10, double Recall100, double Ndcg10, double Map)
{
    /// <summary>The metrics by their report names, in report order: MRR@10, Recall@1, Recall@5, Recall@10, Recall@100, nDCG@10, MAP.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Named =>
    [
        new("MRR@10", Mrr10), new("Recall@1", Recall1), new("Recall@5", Recall5), new("Recall@10", Recall10),
        new("Recall@100", Recall100), new("nDCG@10", Ndcg10), new("MAP", Map),
    ];

    /// <summary>
    /// Scores a run. Each query of <paramref name="queryIds"/> that has a relevant document in <paramref name="qrels"/>
    /// counts once; a query missing from <paramref name="run"/> scores 0 on every metric.
    /// </summary>
    /// <param name="qrels">The judgments.</param>
    /// <param name="run">Ranked document ids per query id, best first.</param>
    /// <param name="queryIds">The queries to average over.</param>
    /// <param name="evaluated">How many queries were averaged.</param>
    public static RetrievalMetrics Evaluate(Qrels qrels, IReadOnlyDictionary<string, IReadOnlyList<string>> run, IEnumerable<string> queryIds, out int evaluated)
    {
        ArgumentNullException.ThrowIfNull(qrels);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(queryIds);
        double mrr = 0, r1 = 0, r5 = 0, r10 = 0, r100 = 0, ndcg = 0, map = 0;
        int n = 0;
        foreach (var qid in queryIds)
        {
            var judged = qrels.JudgmentsOf(qid);
            int relevant = judged.Values.Count(g => g > 0);
            if (relevant == 0) continue;
            n++;
            var ranked = run.TryGetValue(qid, out var list) ? list : [];
            mrr += ReciprocalRank(ranked, judged, 10);
            r1 += Recall(ranked, judged, relevant, 1);
            r5 += Recall(ranked, judged, relevant, 5);
            r10 += Recall(ranked, judged, relevant, 10);
            r100 += Recall(ranked, judged, relevant, 100);
            ndcg += Ndcg(ranked, judged, 10);
            map += AveragePrecision(ranked, judged, relevant);
        }
        evaluated = n;
        if (n == 0) return new RetrievalMetrics(0, 0, 0, 0, 0, 0, 0);
        return new RetrievalMetrics(mrr / n, r1 / n, r5 / n, r10 / n, r100 / n, ndcg / n, map / n);
    }

    private static int Grade(IReadOnlyDictionary<string, int> judged, string doc) => judged.TryGetValue(doc, out int g) && g > 0 ? g : 0;

    private static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int k)
    {
        for (int i = 0; i < Math.Min(k, ranked.Count); i++)
            if (Grade(judged, ranked[i]) > 0) return 1.0 / (i + 1);
        return 0;
    }

    private static double Recall(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int relevant, int k)
    {
        int found = 0;
        for (int i = 0; i < Math.Min(k, ranked.Count); i++) if (Grade(judged, ranked[i]) > 0) found++;
        return (double)found / relevant;
    }

    private static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int k)
    {
        double dcg = 0;
        for (int i = 0; i < Math.Min(k, ranked.Count); i++) dcg += Grade(judged, ranked[i]) / Math.Log2(i + 2);
        var ideal = judged.Values.Where(g => g > 0).OrderByDescending(g => g).Take(k).ToList();
        double idcg = 0;
        for (int i = 0; i < ideal.Count; i++) idcg += ideal[i] / Math.Log2(i + 2);
        return idcg > 0 ? dcg / idcg : 0;
    }

    private static double AveragePrecision(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int relevant)
    {
        double sum = 0;
        int found = 0;
        for (int i = 0; i < ranked.Count; i++)
        {
            if (Grade(judged, ranked[i]) == 0) continue;
            found++;
            sum += (double)found / (i + 1);
        }
        return sum / relevant;
    }
}
