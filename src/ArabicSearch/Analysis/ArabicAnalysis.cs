using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Analysis;

/// <summary>A term of an indexed view and the written word it comes from.</summary>
/// <param name="Term">The term as the index stores it.</param>
/// <param name="Start">Offset of the word's first character in the original text.</param>
/// <param name="End">Offset just past the word's last character.</param>
public readonly record struct AnalyzedToken(string Term, int Start, int End);

/// <summary>
/// What the index makes of a text, without Lucene types: the terms of each view, as <see cref="ArabicSearchAnalyzer"/>
/// produces them for indexing and querying. For showing and debugging analysis; to index, use the analyzer itself.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class ArabicAnalysis
{
    /// <summary>The terms of <paramref name="text"/> in <paramref name="view"/>, in text order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not an <see cref="ArabicView"/>.</exception>
    public static IReadOnlyList<AnalyzedToken> Tokens(string text, ArabicView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enum.IsDefined(view)) throw new ArgumentOutOfRangeException(nameof(view), view, "not a view");
        using var analyzer = new ArabicSearchAnalyzer(view);
        using var stream = analyzer.GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<AnalyzedToken>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return tokens;
    }
}
