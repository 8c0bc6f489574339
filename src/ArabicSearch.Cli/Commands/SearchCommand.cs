using System.CommandLine;

namespace ArabicSearch.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "The index folder.", Required = true };
        var text = new Argument<string?>("text") { Description = "Free text, as typed into a search box: words (any may match), \"quoted phrases\" (must match), -word (must not); never a syntax error. See --syntax.", Arity = ArgumentArity.ZeroOrOne };
        var syntax = new Option<string>("--syntax") { Description = "How TEXT is read: text (a search box's, the default), plain (every character literal, words only) or lucene (Lucene's classic syntax: AND/OR/NOT, +/-, ( ), wildcards, fuzzy~, ranges; malformed input exits 2).", DefaultValueFactory = _ => "text" };
        Cli.OneOf(syntax, Server.SearchWords.Syntaxes);
        var phrase = new Option<string?>("--phrase") { Description = "An exact phrase (normalized, unstemmed)." };
        var stemmed = new Option<bool>("--stemmed") { Description = "Match --phrase on stems instead of exact words." };
        var slop = new Option<int>("--slop") { Description = "Words allowed between the words of a stemmed phrase.", DefaultValueFactory = _ => 0 };
        var entity = new Option<string[]>("--entity") { Description = "An entity that must be named (any alias, Arabic or Latin). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var from = new Option<string?>("--from") { Description = "First date, yyyy-MM-dd, inclusive." };
        var to = new Option<string?>("--to") { Description = "Last date, yyyy-MM-dd, inclusive." };
        var dateField = new Option<string>("--date-field") { Description = "What --from/--to apply to: published (default) or mentioned (dates the text talks about).", DefaultValueFactory = _ => "published" };
        Cli.OneOf(dateField, "published", "mentioned");
        var sort = new Option<string>("--sort") { Description = "relevance; recent (relevance with a recency decay, see --half-life); newest (or date) first; oldest first.", DefaultValueFactory = _ => "relevance" };
        Cli.OneOf(sort, Server.SearchWords.Sorts);
        var halfLife = new Option<double>("--half-life") { Description = "For --sort recent: days after which an article's score is halved, counted from the newest article.", DefaultValueFactory = _ => new SearchRequest().RecencyHalfLifeDays };
        var top = new Option<int>("--top") { Description = "Hits to show.", DefaultValueFactory = _ => 10 };
        var skip = new Option<int>("--skip") { Description = "Hits to skip (paging).", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var collapse = new Option<bool>("--collapse-duplicates") { Description = "One hit per group of near-duplicates, with \"+N similar\" and their ids." };
        var facets = new Option<bool>("--facets") { Description = "Also count the top entities by type, sources and publication months over all matches." };
        var after = new Option<string?>("--after") { Description = "A cursor: the nextCursor of the previous page (from --json). Pages through every match in a stable order, with no 1,000-hit window; --skip must be 0. Valid for the same query (text, filters, sort) and for the index as it was when the cursor was made; a cursor from another query is refused (exit 2)." };
        var gazetteer = new Option<string?>("--gazetteer") { Description = "A JSON gazetteer file that extends the embedded one, for resolving --entity names." };

        var cmd = new Command("search", "Search an index.\n\nExamples:\n  arabicsearch search --index idx \"الهجمات الصاروخية\"\n  arabicsearch search --index idx --phrase \"خلايا الكاتيوشا\"\n  arabicsearch search --index idx --entity الكاظمي --from 2021-07-01 --to 2021-07-31 --json")
        {
            index, text, phrase, stemmed, slop, entity, from, to, dateField, sort, top, skip, json,
        };
        cmd.Options.Add(collapse);
        cmd.Options.Add(facets);
        cmd.Options.Add(gazetteer);
        cmd.Options.Add(syntax);
        cmd.Options.Add(halfLife);
        cmd.Options.Add(after);
        cmd.SetAction(r => Cli.Run(() =>
        {
            // An option that would change nothing is refused, not ignored: the user meant something by it.
            bool Given(Option o) => r.GetResult(o) is { Implicit: false };
            if (Given(stemmed) && !Given(phrase)) throw new UsageException("--stemmed applies to --phrase; add --phrase \"…\" (or drop --stemmed).");
            if (Given(slop) && !Given(phrase)) throw new UsageException("--slop applies to a stemmed phrase; add --phrase \"…\" --stemmed (or drop --slop).");
            if (Given(slop) && !r.GetValue(stemmed)) throw new UsageException("--slop applies to a stemmed phrase only (an exact phrase has no gaps); add --stemmed (or drop --slop).");
            if (Given(halfLife) && Server.SearchWords.Sort(r.GetValue(sort)) != SearchSort.RelevanceWithRecency) throw new UsageException("--half-life applies to --sort recent; add --sort recent (or drop --half-life).");
            var request = new SearchRequest
            {
                Text = r.GetValue(text),
                Syntax = Server.SearchWords.Syntax(r.GetValue(syntax)),
                Phrase = r.GetValue(phrase),
                PhraseMode = r.GetValue(stemmed) ? PhraseMode.Stemmed : PhraseMode.Exact,
                PhraseSlop = r.GetValue(slop),
                Entities = r.GetValue(entity) ?? [],
                From = Cli.ParseDate(r.GetValue(from), "--from"),
                To = Cli.ParseDate(r.GetValue(to), "--to"),
                DateField = string.Equals(r.GetValue(dateField), "mentioned", StringComparison.OrdinalIgnoreCase) ? DateField.Mentioned : DateField.Published,
                Sort = Server.SearchWords.Sort(r.GetValue(sort)),
                RecencyHalfLifeDays = r.GetValue(halfLife),
                Top = r.GetValue(top),
                Skip = r.GetValue(skip),
                CollapseDuplicates = r.GetValue(collapse),
                Facets = r.GetValue(facets),
                After = r.GetValue(after),
            };
            using var engine = Cli.OpenReadOnly(r.GetValue(index)!, r.GetValue(gazetteer));
            var results = engine.Search(request);
            if (r.GetValue(json)) Cli.WriteJson(HitOutput.ToJson(results));
            else HitOutput.Print(results);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}

/// <summary>How hits are shown: as JSON, or as text a person reads.</summary>
internal static class HitOutput
{
    /// <summary>The JSON shape, shared with the server's <c>GET /api/search</c>.</summary>
    public static object ToJson(SearchResults results) => Server.SearchJson.ToJson(results);

    /// <summary>The plain snippet with its matches in 【】, from the structured ranges (the text is not HTML: nothing to unescape).</summary>
    private static string Marked(string text, IReadOnlyList<TextSpan> highlights)
    {
        var sb = new System.Text.StringBuilder(text.Length + highlights.Count * 2);
        int at = 0;
        foreach (var s in highlights)
        {
            sb.Append(text, at, s.Start - at).Append('【').Append(text, s.Start, s.Length).Append('】');
            at = s.Start + s.Length;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Prints <paramref name="results"/>; <paramref name="showCursor"/> adds the next page's cursor (not for an in-memory index, whose cursors no later command can use).</summary>
    public static void Print(SearchResults results, bool showCursor = true)
    {
        foreach (var n in results.Notices) Console.WriteLine($"note: {n}");
        if (results.Suggestions is { } suggestions)
        {
            if (suggestions.CorrectedText is { } corrected) Console.WriteLine($"did you mean: {Isolate(corrected)}");
            foreach (var w in suggestions.Words.Where(w => w.IsEntity))
                Console.WriteLine($"did you mean: {string.Join(" or ", w.Suggestions.Select(Isolate))} (for the entity {Isolate(w.Word)})");
        }
        // Say when the hits below are fewer than the matches, so "5 match(es)" above 3 hits is not a puzzle.
        Console.WriteLine(results.Hits.Count < results.Total ? $"{results.Total} match(es), showing {results.Hits.Count}" : $"{results.Total} match(es)");
        int i = 0;
        foreach (var h in results.Hits)
        {
            i++;
            string date = h.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "undated";
            Console.WriteLine($"{i,3}. {h.Id}  {Isolate(h.Title.Length > 0 ? Marked(h.Title, h.TitleHighlights) : "(no title)")}");
            Console.WriteLine($"     {Isolate(h.Source)} · {date} · score {h.Score:0.###}");
            Console.WriteLine($"     {Isolate(Marked(h.SnippetText, h.SnippetHighlights))}");
            if (h.SimilarCount > 0) Console.WriteLine($"     +{h.SimilarCount} similar: {string.Join(", ", h.SimilarIds)}");
            if (h.Entities.Count > 0) Console.WriteLine($"     entities: {string.Join(", ", h.Entities.Take(8).Select(e => Isolate(e.Name)))}");
        }
        if (results.Facets is { } f)
        {
            Console.WriteLine("facets:");
            foreach (var (type, counts) in f.Entities)
                if (counts.Count > 0) Console.WriteLine($"  {type}: {Join(counts)}");
            if (f.Sources.Count > 0) Console.WriteLine($"  sources: {Join(f.Sources)}");
            if (f.Months.Count > 0) Console.WriteLine($"  months: {Join(f.Months)}");
        }
        if (showCursor && results.NextCursor is { } next) Console.WriteLine($"next page: --after {next}");
    }

    private static string Join(IEnumerable<FacetCount> counts) => string.Join(", ", counts.Select(c => $"{Isolate(c.Label)} ({c.Count})"));

    /// <summary>Wraps text in first-strong isolates (U+2068…U+2069) so mixed Arabic and Latin text lays out right.</summary>
    public static string Isolate(string s) => Console.IsOutputRedirected ? s : "\u2068" + s + "\u2069";
}
