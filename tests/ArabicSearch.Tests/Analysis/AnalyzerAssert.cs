using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicSearch.Tests.Analysis;

/// <summary>Our small stand-in for Lucene.Net.TestFramework's BaseTokenStreamTestCase (not served here).</summary>
internal static class AnalyzerAssert
{
    public sealed record Token(string Term, int Start, int End, int PositionIncrement);

    public static List<Token> Tokens(Analyzer analyzer, string text)
    {
        var list = new List<Token>();
        using var ts = analyzer.GetTokenStream("f", text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var off = ts.AddAttribute<IOffsetAttribute>();
        var inc = ts.AddAttribute<IPositionIncrementAttribute>();
        ts.Reset();
        while (ts.IncrementToken()) list.Add(new Token(term.ToString(), off.StartOffset, off.EndOffset, inc.PositionIncrement));
        ts.End();
        return list;
    }

    public static void AnalyzesTo(Analyzer analyzer, string text, params string[] expected) =>
        Assert.That(Tokens(analyzer, text).Select(t => t.Term), Is.EqualTo(expected), $"analysis of \"{text}\"");

    /// <summary>Offsets inside the input, never decreasing, and each token non-empty.</summary>
    public static void OffsetsAreSane(Analyzer analyzer, string text)
    {
        int last = 0;
        foreach (var t in Tokens(analyzer, text))
        {
            Assert.That(t.Term, Is.Not.Empty, "empty token");
            Assert.That(t.Start, Is.GreaterThanOrEqualTo(last), "start offset went back");
            Assert.That(t.End, Is.GreaterThan(t.Start).And.LessThanOrEqualTo(text.Length), "end offset out of range");
            last = t.Start;
        }
    }
}
