namespace ArabicSearch.Ingestion;

/// <summary>Reads any supported input file, choosing the reader by the file's extension.</summary>
/// <remarks>
/// <c>.jsonl</c> and <c>.jsonl.gz</c> go to <see cref="JsonLinesReader"/>; <c>.trec</c> and <c>.trec.gz</c> to
/// <see cref="TrecReader"/>. Extensions are matched case-insensitively. A file that cannot be read to its end
/// (a truncated or corrupt gzip stream, an unreadable file, an I/O error) ends with one problem record saying where
/// reading stopped; the records before it are returned as usual. Problem text is escaped
/// (<see cref="TextSanitizer.EscapeControlCharacters"/>): input cannot forge a problem line or drive a terminal.
/// </remarks>
public static class ArticleFiles
{
    /// <summary>
    /// <paramref name="text"/> with control characters, line and paragraph separators and bidi overrides shown as
    /// escapes (<c>\n</c>, <c>\u001b</c>, …), so text taken from an input file cannot forge lines or drive a terminal.
    /// </summary>
    public static string Printable(string text) => TextSanitizer.EscapeControlCharacters(text);

    /// <summary>The extensions <see cref="Read"/> accepts.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jsonl", ".jsonl.gz", ".trec", ".trec.gz"];

    /// <summary>Whether <paramref name="path"/> has an extension <see cref="Read"/> accepts.</summary>
    public static bool IsSupported(string path) => FormatOf(path) is not Format.Unknown;

    /// <summary>Reads the records of <paramref name="path"/> with the reader its extension names.</summary>
    /// <exception cref="NotSupportedException">The extension is none of <see cref="Extensions"/>.</exception>
    public static IEnumerable<ReadRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var records = FormatOf(path) switch
        {
            Format.JsonLines => JsonLinesReader.Read(path),
            Format.Trec => TrecReader.Read(path),
            _ => throw new NotSupportedException(UnsupportedMessage(path)),
        };
        return StopAtReadErrors(records, path);
    }

    /// <summary>
    /// The most characters an article body may have, in every input format; a longer body is reported and the record
    /// skipped. The same limit as <see cref="Article.MaxBodyChars"/> (1,000,000), which the engine enforces.
    /// </summary>
    public const int MaxBodyChars = Article.MaxBodyChars;

    internal static string BodyTooLong(int length) =>
        $"body of {length:N0} characters is over the limit of {MaxBodyChars:N0}; record skipped";

    private static IEnumerable<ReadRecord> StopAtReadErrors(IEnumerable<ReadRecord> records, string path)
    {
        string name = Path.GetFileName(path);
        IEnumerator<ReadRecord>? e = null;
        string? last = null;
        int read = 0;
        try
        {
            while (true)
            {
                string? error = null;
                try
                {
                    e ??= records.GetEnumerator();
                    if (!e.MoveNext()) yield break;
                }
                catch (TruncatedInputException x)
                {
                    error = $"{name}: truncated at record {read + 1} ({x.Message}); the {read} record(s) before it were read";
                }
                catch (Exception x) when (x is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    error = read == 0 && last is null
                        ? $"{name}: cannot be read ({x.Message})"
                        : $"{name}: cannot be read after {last ?? $"record {read}"} ({x.Message}); the rest of the file is skipped";
                }
                if (error is not null)
                {
                    yield return new ReadRecord(null, TextSanitizer.EscapeControlCharacters(error)) { Where = name };
                    yield break;
                }
                read++;
                var record = e!.Current;
                last = record.Where ?? last;
                yield return record.Problem is { } problem
                    ? record with { Problem = TextSanitizer.EscapeControlCharacters(problem), Where = record.Where is null ? null : TextSanitizer.EscapeControlCharacters(record.Where) }
                    : record;
            }
        }
        finally
        {
            e?.Dispose();
        }
    }

    /// <summary>The one-line error for a file whose extension is not supported.</summary>
    internal static string UnsupportedMessage(string path) =>
        $"cannot read '{path}': unknown file type; use one of {string.Join(", ", Extensions)}";

    private enum Format { Unknown, JsonLines, Trec }

    private static Format FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string p = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        if (p.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) return Format.JsonLines;
        if (p.EndsWith(".trec", StringComparison.OrdinalIgnoreCase)) return Format.Trec;
        return Format.Unknown;
    }
}
