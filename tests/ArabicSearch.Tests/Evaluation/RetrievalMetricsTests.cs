using ArabicSearch.Evaluation;

namespace ArabicSearch.Tests.Evaluation;

public class RetrievalMetricsTests
{
    private static RetrievalMetrics Score(string qrels, Dictionary<string, string[]> run, params string[] queries)
    {
        var judged = Qrels.Parse(qrels.Split('\n'), "qrels");
        var ranked = run.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);
        return RetrievalMetrics.Evaluate(judged, ranked, queries, out _);
    }

    private static readonly Dictionary<string, string[]> SecondRank = new() { ["q"] = ["d2", "d1", "d3"] };

    [Test]
    public void Evaluate_relevant_at_rank_two()
    {
        var m = Score("q 0 d1 1", SecondRank, "q");
        Assert.That(m.Mrr10, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(m.Recall1, Is.Zero);
        Assert.That(m.Recall5, Is.EqualTo(1.0));
        Assert.That(m.Ndcg10, Is.EqualTo(1 / Math.Log2(3)).Within(1e-12)); // 0.6309…
        Assert.That(m.Map, Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Evaluate_two_relevant_documents()
    {
        var m = Score("q 0 d1 1\nq 0 d2 1\nq 0 d3 0", new() { ["q"] = ["d1", "d3", "d2"] }, "q");
        Assert.That(m.Mrr10, Is.EqualTo(1.0));
        Assert.That(m.Recall1, Is.EqualTo(0.5));
        Assert.That(m.Recall5, Is.EqualTo(1.0));
        Assert.That(m.Ndcg10, Is.EqualTo((1 + 0.5) / (1 + 1 / Math.Log2(3))).Within(1e-12)); // 0.9197…
        Assert.That(m.Map, Is.EqualTo((1 + 2.0 / 3) / 2).Within(1e-12));
    }

    [Test]
    public void Evaluate_relevant_below_ten_counts_for_recall_at_100_only()
    {
        var ids = Enumerable.Range(1, 20).Select(i => $"d{i}").ToArray();
        var m = Score("q 0 d15 1", new() { ["q"] = ids }, "q");
        Assert.That(m.Mrr10, Is.Zero);
        Assert.That(m.Recall10, Is.Zero);
        Assert.That(m.Ndcg10, Is.Zero);
        Assert.That(m.Recall100, Is.EqualTo(1.0));
        Assert.That(m.Map, Is.EqualTo(1.0 / 15).Within(1e-12));
    }

    [Test]
    public void Evaluate_uses_graded_gains_for_ndcg()
    {
        // ideal order d2 (2), d1 (1); the run has them swapped
        var m = Score("q 0 d1 1\nq 0 d2 2", new() { ["q"] = ["d1", "d2"] }, "q");
        double dcg = 1 + 2 / Math.Log2(3), idcg = 2 + 1 / Math.Log2(3);
        Assert.That(m.Ndcg10, Is.EqualTo(dcg / idcg).Within(1e-12));
    }

    [Test]
    public void Evaluate_averages_over_judged_queries_and_scores_missing_runs_zero()
    {
        // q1: rank 2; q2: missing from the run (0); q3: no relevant document, not counted
        var m = Score("q1 0 d1 1\nq2 0 d9 1\nq3 0 d1 0", new() { ["q1"] = ["d2", "d1"] }, "q1", "q2", "q3");
        Assert.That(m.Mrr10, Is.EqualTo(0.25).Within(1e-12));
        Assert.That(m.Recall100, Is.EqualTo(0.5).Within(1e-12));
        var judged = Qrels.Parse(["q1 0 d1 1", "q2 0 d9 1", "q3 0 d1 0"], "qrels");
        RetrievalMetrics.Evaluate(judged, new Dictionary<string, IReadOnlyList<string>>(), ["q1", "q2", "q3"], out int evaluated);
        Assert.That(evaluated, Is.EqualTo(2));
    }

    [TestCase("q 0 d1")]          // too few columns
    [TestCase("q 0 d1 yes")]      // grade not an integer
    public void Qrels_Parse_rejects_malformed_lines(string line) =>
        Assert.That(() => Qrels.Parse([line], "qrels"), Throws.TypeOf<FormatException>().With.Message.StartsWith("qrels:1:"));

    [Test]
    public void QueryFile_Parse_reads_tab_separated_queries()
    {
        var queries = QueryFile.Parse(["q1\t- من هو جمال؟", "", "q2\tما عاصمة مصر\r"], "queries.tsv");
        Assert.That(queries, Is.EqualTo(new[] { new EvalQuery("q1", "- من هو جمال؟"), new EvalQuery("q2", "ما عاصمة مصر") }));
    }

    [TestCase("no tab here")]     // no tab
    [TestCase("\tempty id")]      // empty id
    public void QueryFile_Parse_rejects_malformed_lines(string line) =>
        Assert.That(() => QueryFile.Parse([line], "queries.tsv"), Throws.TypeOf<FormatException>());
}
