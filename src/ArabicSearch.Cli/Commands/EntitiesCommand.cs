using System.CommandLine;
using System.Globalization;
using ArabicSearch.Dates;
using ArabicSearch.Entities;

namespace ArabicSearch.Cli.Commands;

internal static class EntitiesCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "The text; omit it (or give -) to read standard input.", Arity = ArgumentArity.ZeroOrOne };
        var published = new Option<string?>("--published") { Description = "The publication date, yyyy-MM-dd: resolves weekdays, أمس/اليوم and missing years of the dates found." };
        var gazetteer = new Option<string?>("--gazetteer") { Description = "A JSON gazetteer file that extends the embedded one (same ids replace)." };
        var noRules = new Option<bool>("--no-rules") { Description = "Gazetteer names only: no names found from titles and place words." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var cmd = new Command("entities", "Show the entities and dates found in a text, as indexing sees them.\n\nExamples:\n  arabicsearch entities \"قال الرئيس الأميركي جو بايدن إن وكالة الأنباء العراقية ...\"\n  arabicsearch entities --published 2021-02-24 --json < article.txt")
        {
            text, published, gazetteer, noRules, json,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
            string? given = r.GetValue(text);
            string input = given is null or "-" ? Console.In.ReadToEnd() : given;
            var date = Cli.ParseDate(r.GetValue(published), "--published");
            var recognizer = new EntityRecognizer(Cli.LoadGazetteer(r.GetValue(gazetteer))) { UseRules = !r.GetValue(noRules) };
            var entities = recognizer.Recognize(input).Select(m => new
            {
                id = m.Entity.Id,
                name = m.Entity.Name,
                type = m.Entity.Type.ToString(),
                text = input[m.Start..m.End],
                start = m.Start,
                end = m.End,
                rule = GeneratedEntities.IsGenerated(m.Entity.Id),
            }).ToList();
            var dates = DateMentionExtractor.Extract(input, date).Select(m => new
            {
                date = m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                text = input[m.Start..m.End],
                start = m.Start,
                end = m.End,
                monthOnly = m.MonthOnly,
            }).ToList();
            if (r.GetValue(json))
            {
                Cli.WriteJson(new { entities, dates });
                return ExitCodes.Ok;
            }
            Console.WriteLine($"{entities.Count} entity mention(s)");
            foreach (var e in entities)
                Console.WriteLine($"  {e.type}  {HitOutput.Isolate(e.text)} → {HitOutput.Isolate(e.name)} [{e.id}]{(e.rule ? " (rule)" : "")}");
            Console.WriteLine($"{dates.Count} date mention(s)");
            foreach (var d in dates)
                Console.WriteLine($"  {d.date}{(d.monthOnly ? " (month)" : "")}  {HitOutput.Isolate(d.text)}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
