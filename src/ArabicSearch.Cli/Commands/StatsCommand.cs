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
            int n = engine.Count;
            if (r.GetValue(json)) Cli.WriteJson(new { documents = n });
            else Console.WriteLine($"documents: {n}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
