using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace ArabicSearch.Cli.Commands;

internal static class DuplicatesCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "The index folder.", Required = true };
        var threshold = new Option<double>("--threshold") { Description = $"Least shingle similarity (0-1] of near-duplicates. Default {DuplicateOptions.DefaultThreshold.ToString(CultureInfo.InvariantCulture)}.", DefaultValueFactory = _ => DuplicateOptions.DefaultThreshold };
        var related = new Option<bool>("--related") { Description = "Group articles about the same story (related), not only near-duplicates." };
        var relatedThreshold = new Option<double>("--related-threshold") { Description = $"With --related: least content-word similarity (0-1]. Default {DuplicateOptions.DefaultRelatedThreshold.ToString(CultureInfo.InvariantCulture)}.", DefaultValueFactory = _ => DuplicateOptions.DefaultRelatedThreshold };
        var days = new Option<int>("--days") { Description = "With --related: most days between publication dates.", DefaultValueFactory = _ => DuplicateOptions.Default.RelatedWindowDays };
        var exact = new Option<bool>("--exact") { Description = "Check near-duplicate pairs on the stored text instead of trusting the MinHash estimate." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var cmd = new Command("duplicates", "List groups of near-duplicate articles, with the similarity of the pairs that link them.\n\nExamples:\n  arabicsearch duplicates --index idx\n  arabicsearch duplicates --index idx --threshold 0.7 --json\n  arabicsearch duplicates --index idx --related")
        {
            index, threshold, related, relatedThreshold, days, exact, json,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
            double t = r.GetValue(threshold), rt = r.GetValue(relatedThreshold);
            if (!(t is > 0 and <= 1)) throw new UsageException($"--threshold must be more than 0 and at most 1, not {t.ToString(CultureInfo.InvariantCulture)}.");
            if (!(rt is > 0 and <= 1)) throw new UsageException($"--related-threshold must be more than 0 and at most 1, not {rt.ToString(CultureInfo.InvariantCulture)}.");
            if (r.GetValue(days) < 0) throw new UsageException("--days must be zero or more.");
            var options = new DuplicateOptions
            {
                Threshold = t,
                RelatedThreshold = rt,
                RelatedWindowDays = r.GetValue(days),
                Level = r.GetValue(related) ? ArticleRelation.Related : ArticleRelation.NearDuplicate,
                Exact = r.GetValue(exact),
            };
            using var engine = Cli.OpenReadOnly(r.GetValue(index)!);
            var stopwatch = Stopwatch.StartNew();
            var report = engine.FindDuplicates(options);
            double seconds = stopwatch.Elapsed.TotalSeconds;
            if (r.GetValue(json)) Cli.WriteJson(ToJson(report, seconds));
            else Print(report, seconds);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    private static object ToJson(DuplicateReport report, double seconds) => new
    {
        groups = report.Groups.Select(g => new
        {
            members = g.Members.Select(m => new { id = m.Id, title = m.Title, source = m.Source, published = m.Published is null ? null : Day(m.Published) }),
            similarity = g.Similarity,
            pairs = g.Pairs.Select(p => new
            {
                first = p.FirstId, second = p.SecondId, similarity = p.Similarity, wordSimilarity = p.WordSimilarity,
                exact = p.Exact, daysApart = p.DaysApart, relation = Relation(p.Relation),
            }),
        }),
        articles = report.Articles,
        withoutFingerprint = report.WithoutFingerprint,
        seconds = Math.Round(seconds, 3),
    };

    internal static string Relation(ArticleRelation r) => r switch
    {
        ArticleRelation.NearDuplicate => "near-duplicate",
        ArticleRelation.Related => "related",
        _ => "unrelated",
    };

    private static void Print(DuplicateReport report, double seconds)
    {
        int n = 0;
        foreach (var g in report.Groups)
        {
            Console.WriteLine($"group {++n}: {g.Members.Count} articles, similarity {g.Similarity.ToString("0.00", CultureInfo.InvariantCulture)}");
            foreach (var m in g.Members)
                Console.WriteLine($"  {m.Id}  {HitOutput.Isolate(m.Source)} · {Day(m.Published)}  {HitOutput.Isolate(m.Title)}");
        }
        if (report.WithoutFingerprint > 0)
            Console.WriteLine($"note: {report.WithoutFingerprint} article(s) have no fingerprint (no words, or indexed by an older version: reindex them).");
        Console.WriteLine($"{report.Groups.Count} group(s) among {report.Articles} article(s) in {seconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
    }
}
