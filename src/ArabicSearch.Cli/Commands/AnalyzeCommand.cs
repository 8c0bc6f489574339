using System.CommandLine;
using ArabicSearch.Analysis;

namespace ArabicSearch.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "The text to analyze." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var cmd = new Command("analyze", "Show the tokens of each indexed view of a text.\n\nExample:\n  arabicsearch analyze \"وللكاظمي هجوماً على السفارة الأميركية\"") { text, json };
        cmd.SetAction(r => Cli.Run(() =>
        {
            string input = r.GetValue(text) ?? "";
            var views = new Dictionary<string, List<Token>>();
            foreach (var view in Enum.GetValues<ArabicView>())
            {
                views[view.ToString().ToLowerInvariant()] = ArabicAnalysis.Tokens(input, view)
                    .Select(t => new Token(t.Term, t.Start, t.End, input[t.Start..t.End]))
                    .ToList();
            }
            if (r.GetValue(json)) { Cli.WriteJson(views); return ExitCodes.Ok; }
            foreach (var (name, tokens) in views)
            {
                Console.WriteLine($"{name}:");
                foreach (var t in tokens) Console.WriteLine($"  {HitOutput.Isolate(t.Original)} → {HitOutput.Isolate(t.Term)}  [{t.Start}-{t.End}]");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private sealed record Token(string Term, int Start, int End, string Original);
}
