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
    /// <summary>
    /// The version of what indexing makes of a text. It changes when a text gives other terms than before, so that an
    /// index can tell which articles a newer release would analyse differently (<see cref="ArabicSearchEngine.OlderAnalysisCount"/>).
    /// 3: guessed proclitic readings marked (issue 12), the loose key of a word with a lone proclitic read like the word
    /// without it, the Uthmani superscript alef read as modern spelling. Articles indexed before versions were recorded
    /// count as older. 4: the lead field (<see cref="FieldNames.TextLead"/>) and the written names of rule-found entities
    /// (<see cref="FieldNames.EntityName"/>).
    /// </summary>
    public const int Version = 4;

    /// <summary>The terms of <paramref name="text"/> in <paramref name="view"/>, in text order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not an <see cref="ArabicView"/>.</exception>
    public static IReadOnlyList<AnalyzedToken> Tokens(string text, ArabicView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enum.IsDefined(view)) throw new ArgumentOutOfRangeException(nameof(view), view, "not a view");
        using var analyzer = new ArabicSearchAnalyzer(view);
        return Terms(analyzer, text).Select(t => new AnalyzedToken(t.Term, t.Start, t.End)).ToList();
    }

    /// <summary>
    /// The one loop that reads an analyzer's token stream: each term of <paramref name="text"/> with its position
    /// (stopword gaps and stacked readings counted as the index counts them) and its offsets into the text. The query
    /// translator and the highlighter read query text through it.
    /// </summary>
    internal static List<(string Term, int Position, int Start, int End)> Terms(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        var list = new List<(string, int, int, int)>();
        using var stream = analyzer.GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        int position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            list.Add((term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return list;
    }
}
