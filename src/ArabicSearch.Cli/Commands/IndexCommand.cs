using System.CommandLine;
using System.Diagnostics;
using ArabicSearch.Ingestion;

namespace ArabicSearch.Cli.Commands;

internal static class IndexCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Input files: JSON Lines (.jsonl, .jsonl.gz).", Arity = ArgumentArity.OneOrMore };
        var index = new Option<string>("--index") { Description = "The index folder (created when missing).", Required = true };
        var commitEvery = new Option<int>("--commit-every") { Description = "Commit after this many articles (and at the end).", DefaultValueFactory = _ => 10_000 };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary." };
        var cmd = new Command("index", "Add articles to an index; an article with an existing id replaces it.\nBad records are reported as file:line: reason and skipped (exit code 3); the rest is indexed.\n\nExample:\n  arabicsearch index corpus/seeds.jsonl --index idx")
        {
            files, index, commitEvery, json,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
            int every = r.GetValue(commitEvery);
            if (every < 1) throw new UsageException("--commit-every must be at least 1.");
            var paths = r.GetValue(files)!;
            foreach (var p in paths)
                if (!File.Exists(p)) throw new UsageException($"no such file: {p}");
            var stopwatch = Stopwatch.StartNew();
            int indexed = 0, problems = 0, sinceCommit = 0;
            using (var engine = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = r.GetValue(index)! }))
            {
                foreach (var path in paths)
                {
                    foreach (var record in JsonLinesReader.Read(path))
                    {
                        if (record.Problem is not null) { problems++; Console.Error.WriteLine(record.Problem); }
                        if (record.Article is null) continue;
                        engine.AddOrUpdate(record.Article);
                        indexed++;
                        if (++sinceCommit >= every) { engine.Commit(); sinceCommit = 0; }
                    }
                }
                engine.Commit();
            }
            double seconds = stopwatch.Elapsed.TotalSeconds;
            if (r.GetValue(json)) Cli.WriteJson(new { indexed, problems, seconds = Math.Round(seconds, 2) });
            else Console.WriteLine($"indexed {indexed} article(s) in {seconds:0.0} s; {problems} problem(s)");
            return problems > 0 ? ExitCodes.SomeRecordsRejected : ExitCodes.Ok;
        }));
        return cmd;
    }
}
