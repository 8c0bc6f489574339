using System.CommandLine;
using System.Globalization;

namespace ArabicSearch.Cli.Commands;

internal static class DiffCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "The index folder.", Required = true };
        var first = new Argument<string>("id1") { Description = "The first article's id." };
        var second = new Argument<string>("id2") { Description = "The second article's id." };
        var all = new Option<bool>("--all") { Description = "Also print the sentences both have." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var cmd = new Command("diff", "Show which sentences the second article adds (+) or drops (-) relative to the first.\nSentences are compared after normalization, so spelling variants and punctuation are not changes.\n\nExample:\n  arabicsearch diff --index idx 000_bd07d8310a0dd1d9 001_09bdd1797adacb35")
        {
            index, first, second, all, json,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
            using var engine = Cli.OpenReadOnly(r.GetValue(index)!);
            var diff = engine.Diff(r.GetValue(first)!, r.GetValue(second)!);
            if (r.GetValue(json))
            {
                Cli.WriteJson(new
                {
                    first = diff.FirstId,
                    second = diff.SecondId,
                    similarity = diff.Similarity,
                    wordSimilarity = diff.WordSimilarity,
                    daysApart = diff.DaysApart,
                    relation = DuplicatesCommand.Relation(diff.Relation),
                    added = diff.Added,
                    dropped = diff.Dropped,
                    sentences = diff.Sentences.Select(s => new { change = s.Change.ToString().ToLowerInvariant(), text = s.Text }),
                });
                return ExitCodes.Ok;
            }
            Console.WriteLine($"{diff.FirstId} → {diff.SecondId}: {DuplicatesCommand.Relation(diff.Relation)}, similarity {diff.Similarity.ToString("0.00", CultureInfo.InvariantCulture)}, word similarity {diff.WordSimilarity.ToString("0.00", CultureInfo.InvariantCulture)}");
            int same = 0;
            foreach (var s in diff.Sentences)
            {
                if (s.Change == SentenceChange.Same) { same++; if (!r.GetValue(all)) continue; }
                string mark = s.Change switch { SentenceChange.Added => "+", SentenceChange.Dropped => "-", _ => " " };
                Console.WriteLine($"{mark} {HitOutput.Isolate(s.Text)}");
            }
            Console.WriteLine($"{diff.Added.Count()} added, {diff.Dropped.Count()} dropped, {same} in both");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
