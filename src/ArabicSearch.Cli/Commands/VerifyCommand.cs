using System.CommandLine;

namespace ArabicSearch.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "The index folder.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var repair = new Option<bool>("--repair")
        {
            Description = "Recover a damaged index from its latest readable commit: copy the folder to DIR.backup-<time>, "
                + "then drop the segments that fail the check (their articles are listed; re-index them from their source).",
        };
        var cmd = new Command("verify", "Check an index with Lucene's CheckIndex: reads every file and its checksum, changes nothing.\n"
            + "Exit code 0 when healthy, 1 when damaged (the problems are listed).\n"
            + "With --repair: say what will be dropped, keep a backup of the whole folder, and write a new commit of the segments that pass; exit 0 when done.\n\n"
            + "Examples:\n  arabicsearch verify --index idx\n  arabicsearch verify --index idx --repair")
        {
            index, json, repair,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
            if (r.GetValue(repair)) return Repair(r.GetValue(index)!);
            var report = ArabicSearchEngine.Verify(r.GetValue(index)!);
            if (r.GetValue(json))
            {
                Cli.WriteJson(new
                {
                    index = report.IndexPath,
                    healthy = report.IsHealthy,
                    commitPoint = report.CommitPoint,
                    segments = report.Segments,
                    badSegments = report.BadSegments,
                    documents = report.Documents,
                    problems = report.Problems,
                });
            }
            else
            {
                Console.WriteLine($"commit point: {report.CommitPoint ?? "unreadable"}; {report.Segments} segment(s), {report.BadSegments} bad; {report.Documents} document(s) in good segments");
                foreach (var p in report.Problems) Console.WriteLine($"problem: {p}");
                if (report.IsHealthy) Console.WriteLine("ok: the index is healthy");
            }
            if (report.IsHealthy) return ExitCodes.Ok;
            Console.Error.WriteLine($"error: the index at '{report.IndexPath}' is damaged: {report.Problems.Count} problem(s); first: {report.Problems[0]}");
            return ExitCodes.Failure;
        }));
        return cmd;
    }

    private static int Repair(string index)
    {
        var result = ArabicSearchEngine.Repair(index);
        if (!result.Repaired)
        {
            Console.WriteLine($"ok: the index is healthy ({result.ArticlesKept} article(s)); nothing to repair");
            return ExitCodes.Ok;
        }
        foreach (var line in result.Dropped) Console.WriteLine($"dropped: {line}");
        Console.WriteLine($"backup: {result.BackupPath} (the whole index as it was)");
        Console.WriteLine($"repaired: {result.ArticlesKept} article(s) kept, {result.ArticlesDropped} dropped");
        return ExitCodes.Ok;
    }
}
