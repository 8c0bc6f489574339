using System.CommandLine;
using System.Globalization;
using System.Text;
using ArabicSearch.Evaluation;

namespace ArabicSearch.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "The documents: JSON Lines with id and body (title optional).", Required = true };
        var queries = new Option<string>("--queries") { Description = "The queries: qid<TAB>text, one a line.", Required = true };
        var qrels = new Option<string>("--qrels") { Description = "TREC qrels: qid 0 docid rel.", Required = true };
        var baseline = new Option<bool>("--baseline") { Description = "Also run Lucene's stock ArabicAnalyzer (BM25 1.2/0.75, one field) and show both." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var run = new Option<string?>("--run") { Description = "Write our TREC run to FILE (with --baseline, the stock run to FILE.stock)." };
        var top = new Option<int>("--top") { Description = "Hits retrieved per query.", DefaultValueFactory = _ => 100 };
        var defaults = new ArabicSearchOptions();
        var k1 = new Option<float>("--k1") { Description = $"Our BM25 k1 (default {defaults.Bm25K1}), for ablations.", DefaultValueFactory = _ => defaults.Bm25K1 };
        var b = new Option<float>("--b") { Description = $"Our BM25 b (default {defaults.Bm25B}), for ablations.", DefaultValueFactory = _ => defaults.Bm25B };
        var exactWeight = new Option<float>("--exact-weight") { Description = $"Our exact-view weight (default {defaults.ExactViewWeight}); 0 leaves the view out.", DefaultValueFactory = _ => defaults.ExactViewWeight };
        var titleWeight = new Option<int>("--title-weight") { Description = $"How many times a headline word counts (default {defaults.TitleWeight}), for ablations.", DefaultValueFactory = _ => defaults.TitleWeight };
        var procliticWeight = new Option<float>("--proclitic-weight") { Description = $"Our weight for a reading that takes a letter for a lone proclitic (default {defaults.ProcliticReadingWeight}), for ablations.", DefaultValueFactory = _ => defaults.ProcliticReadingWeight };
        var looseWeight = new Option<float>("--loose-weight") { Description = $"Our loose-view weight (default {defaults.LooseViewWeight}); 0 leaves the view out.", DefaultValueFactory = _ => defaults.LooseViewWeight };
        var leadWeight = new Option<float>("--lead-weight") { Description = $"Our weight for a word in an article's lead, its first words (default {defaults.LeadWeight}); 0 leaves it out.", DefaultValueFactory = _ => defaults.LeadWeight };
        var fuzzyWeight = new Option<float>("--fuzzy-weight") { Description = $"Our weight for a near spelling of a word no article has (default {defaults.FuzzyWeight}); 0 leaves it out.", DefaultValueFactory = _ => defaults.FuzzyWeight };
        var cmd = new Command("eval", "Measure retrieval quality on a judged set: MRR@10, Recall@1/5/10/100, nDCG@10, MAP.\nQueries are searched as a user's plain free text.\n\nExample:\n  arabicsearch eval --corpus corpus.jsonl --queries queries.tsv --qrels qrels.txt --baseline")
        {
            corpus, queries, qrels, baseline, json, run, top, k1, b, exactWeight, looseWeight, titleWeight, procliticWeight, leadWeight, fuzzyWeight,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
            int n = r.GetValue(top);
            if (n < 1) throw new UsageException("--top must be at least 1.");
            foreach (var (path, option) in new[] { (r.GetValue(corpus)!, "--corpus"), (r.GetValue(queries)!, "--queries"), (r.GetValue(qrels)!, "--qrels") })
                if (!File.Exists(path)) throw new UsageException($"{option}: no such file: {path}");
            var set = EvaluationSet.Load(r.GetValue(corpus)!, r.GetValue(queries)!, r.GetValue(qrels)!);
            var options = defaults with
            {
                Bm25K1 = r.GetValue(k1), Bm25B = r.GetValue(b), ExactViewWeight = r.GetValue(exactWeight), LooseViewWeight = r.GetValue(looseWeight), TitleWeight = r.GetValue(titleWeight), ProcliticReadingWeight = r.GetValue(procliticWeight), LeadWeight = r.GetValue(leadWeight), FuzzyWeight = r.GetValue(fuzzyWeight),
            };
            EvaluationReport report;
            try
            {
                report = Evaluator.Run(set, new EvaluationSettings { Top = n, Baseline = r.GetValue(baseline), Options = options });
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message); // an option out of range, e.g. --b 2
            }
            if (r.GetValue(run) is { } runPath)
            {
                WriteRun(report.Runs[0], set, runPath);
                if (report.Runs.Count > 1) WriteRun(report.Runs[1], set, runPath + ".stock");
            }
            if (r.GetValue(json)) PrintJson(report);
            else PrintText(report);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static void WriteRun(EvaluationRun run, EvaluationSet set, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        Evaluator.WriteTrecRun(run, set.Queries, writer);
    }

    private static void PrintJson(EvaluationReport report)
    {
        var runs = report.Runs.Select(run =>
        {
            var d = new Dictionary<string, object> { ["name"] = run.Name };
            foreach (var (name, value) in run.Metrics.Named) d[name] = Math.Round(value, 4);
            return d;
        });
        Cli.WriteJson(new { queries = report.Queries, runs });
    }

    private static void PrintText(EvaluationReport report)
    {
        Console.WriteLine($"{report.Queries} queries");
        var header = new StringBuilder($"{"metric",-12}");
        foreach (var run in report.Runs) header.Append(CultureInfo.InvariantCulture, $"{run.Name,22}");
        if (report.Runs.Count == 2) header.Append(CultureInfo.InvariantCulture, $"{"difference",12}");
        Console.WriteLine(header);
        var names = report.Runs[0].Metrics.Named;
        for (int i = 0; i < names.Count; i++)
        {
            var line = new StringBuilder($"{names[i].Key,-12}");
            foreach (var run in report.Runs) line.Append(CultureInfo.InvariantCulture, $"{run.Metrics.Named[i].Value,22:0.0000}");
            if (report.Runs.Count == 2)
                line.Append(CultureInfo.InvariantCulture, $"{report.Runs[0].Metrics.Named[i].Value - report.Runs[1].Metrics.Named[i].Value,12:+0.0000;-0.0000;0.0000}");
            Console.WriteLine(line);
        }
    }
}
