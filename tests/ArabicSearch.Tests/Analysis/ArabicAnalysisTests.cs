using ArabicSearch.Analysis;

namespace ArabicSearch.Tests.Analysis;

/// <summary>The Lucene-free view of the analyzer that the console host's analyze command prints.</summary>
public class ArabicAnalysisTests
{
    [TestCase(ArabicView.Exact, "وللكاظمي هجوما")]   // normalized, tanween dropped
    [TestCase(ArabicView.Stemmed, "كاظمي لكاظمي هجوم")] // particles and suffix stripped; لل also read as ل + a word starting with ل
    [TestCase(ArabicView.Loose, "كضم هجم")]           // consonant skeleton
    public void Tokens_are_the_terms_of_the_view(ArabicView view, string terms) =>
        Assert.That(string.Join(" ", ArabicAnalysis.Tokens("وللكاظمي هجوماً", view).Select(t => t.Term)), Is.EqualTo(terms));

    [Test]
    public void Tokens_point_at_the_written_words()
    {
        const string text = "هجوم في بغداد";
        var tokens = ArabicAnalysis.Tokens(text, ArabicView.Stemmed);
        Assert.That(tokens.Select(t => text[t.Start..t.End]).Distinct(), Is.EqualTo(new[] { "هجوم", "بغداد" })); // في is a stopword, left out of the stemmed view; stacked readings of بغداد point at it too
    }

    [Test]
    public void Tokens_reject_an_undefined_view() =>
        Assert.That(() => ArabicAnalysis.Tokens("بغداد", (ArabicView)7), Throws.TypeOf<ArgumentOutOfRangeException>());
}
