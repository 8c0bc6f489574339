using System.CommandLine;

namespace ArabicSearch.Cli.Commands;

internal static class SuggestCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "The index folder.", Required = true };
        var prefix = new Argument<string>("prefix") { Description = "What the user has typed so far; normalized like queries (الإد completes الإدارة). A trailing space asks for phrases that go on after the last word." };
        var top = new Option<int>("--top") { Description = "Completions to show, 1 to 100.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var gazetteer = new Option<string?>("--gazetteer") { Description = "A JSON gazetteer file that extends the embedded one, for completing entity names." };
        var cmd = new Command("suggest", "Autocomplete: headline words and phrases and entity names that start with PREFIX, most frequent first.\n\nExamples:\n  arabicsearch suggest --index idx الإد\n  arabicsearch suggest --index idx Tru --top 5 --json")
        {
            index, prefix, top, json, gazetteer,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
            int n = r.GetValue(top);
            if (n is < 1 or > 100) throw new UsageException($"--top must be between 1 and 100, not {n}.");
            using var engine = Cli.OpenReadOnly(r.GetValue(index)!, r.GetValue(gazetteer));
            var completions = engine.Suggest(r.GetValue(prefix) ?? "", n);
            if (r.GetValue(json))
            {
                Cli.WriteJson(Server.SearchJson.ToJson(r.GetValue(prefix) ?? "", completions));
            }
            else
            {
                foreach (var c in completions)
                    Console.WriteLine($"{HitOutput.Isolate(c.Text)}\t{c.Frequency}\t{c.Kind.ToString().ToLowerInvariant()}");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
