using System.CommandLine;

namespace ArabicSearch.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "The index folder.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var cmd = new Command("stats", "Show what an index holds.\n\nExample:\n  arabicsearch stats --index idx --json") { index, json };
        cmd.SetAction(r => Cli.Run(() =>
        {
            using var engine = Cli.OpenReadOnly(r.GetValue(index)!);
            int n = engine.Count, older = engine.OlderAnalysisCount;
            if (r.GetValue(json)) Cli.WriteJson(new { documents = n, olderAnalysis = older });
            else
            {
                Console.WriteLine($"documents: {n}");
                Console.WriteLine($"older analysis: {older}");
                if (older > 0)
                    Console.WriteLine($"note: {older} article(s) were indexed by an older version of the analysis than this release's ({Analysis.ArabicAnalysis.Version}); index them again (arabicsearch index FILE --index DIR) to search them as this version does.");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
