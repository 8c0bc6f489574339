using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArabicSearch.Cli;

/// <summary>Exit codes of the console host, as the README documents them.</summary>
internal static class ExitCodes
{
    /// <summary>3: indexing finished but reported problems, rejected records or warnings on indexed ones.</summary>
    public const int Ok = 0, Failure = 1, BadArguments = 2, SomeRecordsRejected = 3;
}

/// <summary>Runs commands with one error policy: a clear one-line message and a defined exit code, never a stack trace.</summary>
internal static class Cli
{
    public static int Invoke(Command root, string[] args)
    {
        // No response files: '@word' is text (a handle, a hashtag-like search), not a file of arguments to read.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            var messages = parse.Errors.Select(e => Plain(e.Message)).Distinct().ToList();
            foreach (var m in messages) Console.Error.WriteLine($"error: {m}");
            // A message that names the flag and what it takes is enough; an unknown command or option gets the pointer to help.
            if (!messages.All(m => m.StartsWith("--", StringComparison.Ordinal)))
                Console.Error.WriteLine("Run 'arabicsearch --help' (or '<command> --help') for usage.");
            return ExitCodes.BadArguments;
        }
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    // System.CommandLine's message for a value its type cannot parse, which names the .NET type (System.Int32).
    private static readonly System.Text.RegularExpressions.Regex CannotParse =
        new(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[\w.]+)'\.?$", System.Text.RegularExpressions.RegexOptions.Singleline);

    /// <summary>A parse error as one line in the user's terms: "--top must be a whole number, not 'abc'."</summary>
    internal static string Plain(string message)
    {
        var m = CannotParse.Match(message);
        if (!m.Success) return message;
        string what = m.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            var other => $"a {other.Split('.')[^1]}",
        };
        return $"{m.Groups["option"].Value} must be {what}, not '{m.Groups["value"].Value}'.";
    }

    /// <summary>
    /// Accepts only <paramref name="values"/> for <paramref name="option"/>, refused in one line that lists them
    /// (AcceptOnlyFromAmong prints one line per value).
    /// </summary>
    public static void OneOf(Option<string> option, params IReadOnlyList<string> values)
    {
        option.Validators.Add(result =>
        {
            if (result.Implicit) return;
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && !values.Contains(value, StringComparer.OrdinalIgnoreCase))
                result.AddError($"{option.Name} '{value}' is not one of {string.Join(", ", values)}.");
        });
    }

    /// <summary>Runs a command body, turning exceptions into messages and exit codes.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e) { return Fail(InFlagTerms(e.Message), ExitCodes.BadArguments); }
        catch (InvalidQueryException e) { return Fail(InFlagTerms(e.Message), ExitCodes.BadArguments); }
        // An id the index does not have is bad input (diff), like a bad query: not a failure of the index.
        catch (ArticleNotFoundException e) { return Fail(e.Message, ExitCodes.BadArguments); }
        // The library's messages describe the problem; the host adds which command to run about it.
        catch (IndexCorruptException e) { return Fail($"{e.Message} Run 'arabicsearch verify --index DIR' for details; 'verify --repair' recovers what can be read.", ExitCodes.Failure); }
        catch (IndexNotFoundException e) { return Fail($"{e.Message} Create one with 'arabicsearch index FILE --index DIR'.", ExitCodes.Failure); }
        catch (ArabicSearchException e) { return Fail(e.Message, ExitCodes.Failure); }
        catch (FileNotFoundException e) { return Fail(e.Message, ExitCodes.Failure); }
        catch (DirectoryNotFoundException e) { return Fail(e.Message, ExitCodes.Failure); }
        catch (UnauthorizedAccessException e) { return Fail(e.Message, ExitCodes.Failure); }
        catch (IOException e) { return Fail($"I/O error: {e.Message}", ExitCodes.Failure); }
        catch (FormatException e) { return Fail(e.Message, ExitCodes.Failure); }
#pragma warning disable CA1031 // the host's last line of defence: report, never print a stack trace
        catch (Exception e) { return Fail($"unexpected error ({e.GetType().Name}): {e.Message}", ExitCodes.Failure); }
#pragma warning restore CA1031
    }

    // The library's option and request property names, as the CLI's flags spell them.
    private static readonly (string Property, string Flag)[] Flags =
    [
        ("ProcliticReadingWeight", "--proclitic-weight"), ("ExactViewWeight", "--exact-weight"), ("LooseViewWeight", "--loose-weight"), ("LeadWeight", "--lead-weight"), ("FuzzyWeight", "--fuzzy-weight"),
        ("TitleWeight", "--title-weight"), ("Bm25K1", "--k1"), ("Bm25B", "--b"), ("RecencyHalfLifeDays", "--half-life"),
        ("PhraseSlop", "--slop"), ("Skip", "--skip"), ("Top", "--top"), ("After", "--after"),
        ("CollapseDuplicates", "--collapse-duplicates"),
    ];

    // Whole phrases of the library's messages that name a request property in words, in the CLI's terms.
    private static readonly (string Library, string Cli)[] Phrases =
    [
        ("A cursor (After) cannot be combined with collapsing duplicates.", "--after cannot be combined with --collapse-duplicates; page collapsed results with --skip."),
        ("with a cursor (After)", "with --after"),
    ];

    /// <summary><paramref name="message"/> with the library's property names replaced by the CLI flags that set them.</summary>
    internal static string InFlagTerms(string message)
    {
        foreach (var (library, cli) in Phrases) message = message.Replace(library, cli, StringComparison.Ordinal);
        foreach (var (property, flag) in Flags)
            message = System.Text.RegularExpressions.Regex.Replace(message, $@"\b{property}\b", flag);
        return message;
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }

    public static DateOnly? ParseDate(string? text, string option)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return d;
        throw new UsageException($"{option} '{text}' is not a date; use yyyy-MM-dd, e.g. 2021-07-01.");
    }

    /// <summary>Checks that <paramref name="path"/> names a file type <see cref="Ingestion.ArticleFiles"/> reads.</summary>
    /// <exception cref="UsageException">It does not.</exception>
    public static void RequireSupportedFile(string path)
    {
        if (!Ingestion.ArticleFiles.IsSupported(path))
            throw new UsageException($"cannot read '{path}': unknown file type; use one of {string.Join(", ", Ingestion.ArticleFiles.Extensions)}");
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static void WriteJson(object value) => Console.WriteLine(JsonSerializer.Serialize(value, Json));

    public static ArabicSearchEngine OpenReadOnly(string index, string? gazetteer = null) =>
        ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = index, ReadOnly = true, Gazetteer = gazetteer is null ? null : LoadGazetteer(gazetteer) });

    /// <summary>The embedded gazetteer, extended (or replaced, see <see cref="Entities.Gazetteer.LoadOverDefault"/>) by a user's file.</summary>
    public static Entities.Gazetteer LoadGazetteer(string? path)
    {
        if (path is null) return Entities.Gazetteer.Default;
        if (!File.Exists(path)) throw new UsageException($"no such gazetteer file: {path}");
        return Entities.Gazetteer.LoadOverDefault(path);
    }
}

/// <summary>A command-line argument is wrong (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
