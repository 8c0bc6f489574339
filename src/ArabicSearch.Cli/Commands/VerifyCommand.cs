using System.CommandLine;

namespace ArabicSearch.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "The index folder.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var cmd = new Command("verify", "Check an index with Lucene's CheckIndex: reads every file and its checksum, changes nothing.\nExit code 0 when healthy, 1 when damaged (the problems are listed).\n\nExample:\n  arabicsearch verify --index idx")
        {
            index, json,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
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
}
