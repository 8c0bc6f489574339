namespace ArabicSearch.Ingestion;

/// <summary>Reads any supported input file, choosing the reader by the file's extension.</summary>
/// <remarks>
/// <c>.jsonl</c> and <c>.jsonl.gz</c> go to <see cref="JsonLinesReader"/>; <c>.trec</c> and <c>.trec.gz</c> to
/// <see cref="TrecReader"/>. Extensions are matched case-insensitively. A file that cannot be read to its end
/// (a truncated or corrupt gzip stream, an I/O error) ends with one problem record saying where reading stopped;
/// the records before it are returned as usual.
/// </remarks>
public static class ArticleFiles
{
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

    private static IEnumerable<ReadRecord> StopAtReadErrors(IEnumerable<ReadRecord> records, string path)
    {
        using var e = records.GetEnumerator();
        string? last = null;
        while (true)
        {
            string? error = null;
            try
            {
                if (!e.MoveNext()) yield break;
            }
            catch (Exception x) when (x is IOException or InvalidDataException && x is not FileNotFoundException and not DirectoryNotFoundException)
            {
                error = x.Message;
            }
            if (error is not null)
            {
                string name = Path.GetFileName(path);
                string after = last is null ? "at its start" : $"after {last}";
                yield return new ReadRecord(null, $"{name}: cannot be read {after} ({error}); the rest of the file is skipped") { Where = name };
                yield break;
            }
            last = e.Current.Where ?? last;
            yield return e.Current;
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
