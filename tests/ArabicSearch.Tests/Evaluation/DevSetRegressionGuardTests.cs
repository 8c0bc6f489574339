using ArabicSearch.Evaluation;

namespace ArabicSearch.Tests.Evaluation;

/// <summary>
/// Runs the retrieval dev sets of ../shared/eval, when present, through our engine and the stock baseline; skipped,
/// with the reason, when they are absent.
/// </summary>
/// <remarks>
/// Regression guards on tuning data, not evidence of generalization: the defaults (BM25 parameters, view weights,
/// title boost) were tuned on these same sets, so staying above stock here says a change did not undo the tuning,
/// not that the engine beats stock on unseen queries. That needs a held-out set no default was chosen on.
/// </remarks>
[Category("RegressionGuard")]
public class DevSetRegressionGuardTests
{
    private static string? EvalFolder()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    // Stock MRR@10 as ../shared/eval/README.md reports it (pool-ant: as eval --baseline measures it).
    [TestCase("arcd", 0.7728)]
    [TestCase("tydiqa-goldp-ar-dev", 0.8620)]
    [TestCase("pool-ant", 0.7201)]
    public void Tuned_defaults_on_dev_set_reproduce_stock_and_stay_above_it(string name, double stockMrr)
    {
        var folder = EvalFolder() is { } root ? Path.Combine(root, name) : null;
        if (folder is null || !File.Exists(Path.Combine(folder, "qrels.txt")))
            Assert.Ignore($"../shared/eval/{name} is not present; the dev-set evaluation needs it.");
        var set = EvaluationSet.Load(Path.Combine(folder, "corpus.jsonl"), Path.Combine(folder, "queries.tsv"), Path.Combine(folder, "qrels.txt"));

        var report = Evaluator.Run(set, new EvaluationSettings { Baseline = true });

        var ours = report.Runs[0].Metrics;
        var stock = report.Runs[1].Metrics;
        Assert.That(report.Queries, Is.GreaterThan(0));
        Assert.That(stock.Mrr10, Is.EqualTo(stockMrr).Within(0.005), "stock ArabicAnalyzer not reproduced");
        // Issue 11's target, reached on all three sets (docs/relevance.md): a change that loses it fails here.
        Assert.That(ours.Mrr10, Is.GreaterThanOrEqualTo(stock.Mrr10 + 0.04), "MRR@10 below stock + 0.04");
        Assert.That(ours.Recall100, Is.GreaterThanOrEqualTo(stock.Recall100), "Recall@100 below stock");
    }
}
