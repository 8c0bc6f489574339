namespace ArabicSearch.Ingestion;

/// <summary>Reads any supported input file, choosing the reader by the file's extension.</summary>
/// <remarks>
/// <c>.jsonl</c> and <c>.jsonl.gz</c> go to <see cref="JsonLinesReader"/>; <c>.trec</c> and <c>.trec.gz</c> to
/// <see cref="TrecReader"/>. Extensions are matched case-insensitively.
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
        return FormatOf(path) switch
        {
            Format.JsonLines => JsonLinesReader.Read(path),
            Format.Trec => TrecReader.Read(path),
            _ => throw new NotSupportedException(UnsupportedMessage(path)),
        };
    }

    /// <summary>The one-line error for a file whose extension is not supported.</summary>
    public static string UnsupportedMessage(string path) =>
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
