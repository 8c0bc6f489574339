using System.CommandLine;
using ArabicSearch.Ingestion;

namespace ArabicSearch.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the queries and their results as JSON." };
        var cmd = new Command("demo", "Index the embedded seed corpus (corpus/seeds.jsonl) in memory and run sample queries of every kind.\n\nExample:\n  arabicsearch demo") { json };
        cmd.SetAction(r => Cli.Run(() =>
        {
            bool asJson = r.GetValue(json);
            using var engine = ArabicSearchEngine.CreateInMemory();
            int n = 0;
            foreach (var a in SeedCorpus.Articles()) { engine.AddOrUpdate(a); n++; }
            engine.Commit();
            if (!asJson) Console.WriteLine($"Indexed {n} seed articles in memory.\n");
            (string Title, SearchRequest Request)[] samples =
            [
                ("Exact phrase: خلايا الكاتيوشا", new SearchRequest { Phrase = "خلايا الكاتيوشا" }),
                ("Entity, Egyptian spelling: الكاظمى", new SearchRequest { Entities = ["الكاظمى"], Top = 5 }),
                ("Entity by Latin alias: Biden", new SearchRequest { Entities = ["Biden"], Top = 5 }),
                ("Published in July 2021", new SearchRequest { From = new DateOnly(2021, 7, 1), To = new DateOnly(2021, 7, 31) }),
                ("Phrase المنطقة الخضراء, published in February 2021", new SearchRequest { Phrase = "المنطقة الخضراء", From = new DateOnly(2021, 2, 1), To = new DateOnly(2021, 2, 28) }),
                ("Free text: السفارة الأمريكية", new SearchRequest { Text = "السفارة الأمريكية", Top = 3 }),
                ("Combined: free text صاروخ + entity بغداد, newest first", new SearchRequest { Text = "صاروخ", Entities = ["بغداد"], Sort = SearchSort.Newest, Top = 3 }),
            ];
            if (asJson)
            {
                Cli.WriteJson(new { documents = n, queries = samples.Select(s => new { query = s.Title, results = HitOutput.ToJson(engine.Search(s.Request)) }) });
                return ExitCodes.Ok;
            }
            foreach (var (title, request) in samples)
            {
                Console.WriteLine($"── {title}");
                HitOutput.Print(engine.Search(request), showCursor: false); // the demo's index is in memory: its cursors lead nowhere
                Console.WriteLine();
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}

/// <summary>The seed corpus embedded in the host (corpus/seeds.jsonl).</summary>
internal static class SeedCorpus
{
    public static IEnumerable<Article> Articles()
    {
        using var stream = typeof(SeedCorpus).Assembly.GetManifestResourceStream("ArabicSearch.Cli.seeds.jsonl")
            ?? throw new InvalidOperationException("The embedded seed corpus is missing.");
        using var reader = new StreamReader(stream);
        int line = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var record = JsonLinesReader.Parse(text, $"seeds.jsonl:{line}");
            if (record.Article is null) throw new FormatException(record.Problem);
            yield return record.Article;
        }
    }
}
