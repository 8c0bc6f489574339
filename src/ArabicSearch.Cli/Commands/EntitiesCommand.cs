using System.CommandLine;
using System.Globalization;
using ArabicSearch.Entities;
using ArabicSearch.Evaluation;

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
        var evaluate = new Option<string?>("--evaluate") { Description = "Measure precision and recall per type against an annotation file (JSON Lines, see corpus/annotations/README.md); needs --corpus." };
        var corpus = new Option<string?>("--corpus") { Description = "With --evaluate: the articles the annotations refer to by id (.jsonl, .jsonl.gz, .trec, .trec.gz)." };
        var errors = new Option<bool>("--errors") { Description = "With --evaluate: list the missed and spurious names." };
        var cmd = new Command("entities", "Show the entities and dates found in a text, as indexing sees them; or measure recognition against annotations.\n\nExamples:\n  arabicsearch entities \"قال الرئيس الأميركي جو بايدن إن وكالة الأنباء العراقية ...\"\n  arabicsearch entities --published 2021-02-24 --json < article.txt\n  arabicsearch entities --evaluate corpus/annotations/seeds.jsonl --corpus corpus/seeds.jsonl")
        {
            text, published, gazetteer, noRules, json, evaluate, corpus, errors,
        };
        cmd.SetAction(r => Cli.Run(() =>
        {
            if (r.GetValue(evaluate) is { } annotations)
            {
                var recognizerUnderTest = new EntityRecognizer(Cli.LoadGazetteer(r.GetValue(gazetteer))) { UseRules = !r.GetValue(noRules) };
                return Evaluate(recognizerUnderTest, annotations, r.GetValue(corpus), r.GetValue(json), r.GetValue(errors));
            }
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
                rule = recognizer.Gazetteer.Find(m.Entity.Id) is null, // not in the gazetteer: a rule found it
            }).ToList();
            var dates = TextInspection.Dates(input, date).Select(m => new
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

    private static int Evaluate(EntityRecognizer recognizer, string annotationsPath, string? corpusPath, bool json, bool showErrors)
    {
        if (corpusPath is null) throw new UsageException("--evaluate needs --corpus FILE: the articles the annotations refer to.");
        if (!File.Exists(annotationsPath)) throw new UsageException($"no such annotation file: {annotationsPath}");
        if (!File.Exists(corpusPath)) throw new UsageException($"no such corpus file: {corpusPath}");
        Cli.RequireSupportedFile(corpusPath);
        var annotations = EntityEvaluation.ReadAnnotations(annotationsPath);
        var wanted = annotations.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in Ingestion.ArticleFiles.Read(corpusPath))
        {
            if (record.Article is { } a && wanted.Contains(a.Id)) texts[a.Id] = a.Title + "\n" + a.Body;
            if (texts.Count == wanted.Count) break;
        }
        var missing = annotations.Where(a => !texts.ContainsKey(a.Id)).Select(a => a.Id).ToList();
        if (missing.Count > 0) throw new UsageException($"{missing.Count} annotated article(s) are not in {corpusPath}, e.g. {missing[0]}.");
        var result = EntityEvaluation.Evaluate(recognizer, annotations.Select(a => new AnnotatedText(a, texts[a.Id])));
        var scores = result.ByType.Append(result.Total).ToList();
        if (json)
        {
            Cli.WriteJson(new
            {
                documents = result.Documents,
                scores = scores.Select(s => new
                {
                    type = s.Type?.ToString() ?? "all",
                    expected = s.Expected,
                    found = s.Found,
                    correct = s.Correct,
                    recalled = s.Recalled,
                    precision = Math.Round(s.Precision, 3),
                    recall = Math.Round(s.Recall, 3),
                    f1 = Math.Round(s.F1, 3),
                }),
                missed = showErrors ? result.Missed.Select(m => new { document = m.Document, type = m.Type.ToString(), text = m.Text }) : null,
                spurious = showErrors ? result.Spurious.Select(m => new { document = m.Document, type = m.Type.ToString(), text = m.Text }) : null,
            });
            return ExitCodes.Ok;
        }
        Console.WriteLine($"{result.Documents} document(s); distinct names per document");
        Console.WriteLine("type  expected  found  precision  recall     F1");
        foreach (var s in scores)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Type?.ToString() ?? "all",-4}  {s.Expected,8}  {s.Found,5}  {s.Precision,9:0.000}  {s.Recall,6:0.000}  {s.F1,5:0.000}"));
        if (showErrors)
        {
            foreach (var (doc, type, text) in result.Missed) Console.WriteLine($"missed    {doc}  {type}  {HitOutput.Isolate(text)}");
            foreach (var (doc, type, text) in result.Spurious) Console.WriteLine($"spurious  {doc}  {type}  {HitOutput.Isolate(text)}");
        }
        return ExitCodes.Ok;
    }
}
