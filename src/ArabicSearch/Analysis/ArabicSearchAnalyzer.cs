using Lucene.Net.Analysis;

namespace ArabicSearch.Analysis;

/// <summary>Which indexed view of the text an analyzer produces.</summary>
public enum ArabicView
{
    /// <summary>Normalized, unstemmed words, stopwords kept: exact phrases (<c>مهرجان كان</c>) and names that are also function words (<c>علي</c>, <c>متى</c>).</summary>
    Exact,

    /// <summary>Normalized and light-stemmed words without stopwords: recall for free text.</summary>
    Stemmed,

    /// <summary>Aggressively stemmed and letter-folded words without stopwords (<see cref="ArabicLooseStemmer"/>): a low-weight recall view for variants.</summary>
    Loose,
}

/// <summary>
/// The ArabicSearch analysis chain, usable in any Lucene.Net pipeline:
/// <see cref="ArabicTokenizer"/> (split and normalize in one pass) → <see cref="ArabicStopwordFilter"/> (not in the
/// exact view) → <see cref="ArabicLightStemFilter"/> (stemmed view) or <see cref="ArabicLooseStemFilter"/> (loose view).
/// </summary>
/// <remarks>
/// The exact view keeps stopwords, so a quoted phrase keeps its function words and a query made only of them still
/// finds something; the stopword filter leaves position gaps, so the three views' positions line up word for word.
/// Values of a multi-valued field are <see cref="PositionIncrementGap"/> positions apart, so no phrase spans two.
/// 
/// Order matters: stopwords are matched after normalization, so every spelling of a function word is caught
/// (the stock analyzer matches before, and lets <c>فى</c> through), and before stemming, so a stem that happens to
/// equal a stopword is kept. Instances are thread-safe and meant to be reused; dispose when done.
/// </remarks>
public sealed class ArabicSearchAnalyzer : Analyzer
{
    /// <summary>Creates an analyzer for <paramref name="view"/>.</summary>
    public ArabicSearchAnalyzer(ArabicView view) : base(GLOBAL_REUSE_STRATEGY) => View = view;

    /// <summary>The view this analyzer produces.</summary>
    public ArabicView View { get; }

    /// <summary>The positions between two values of one field (the headline and the body): more than any phrase slop accepted.</summary>
    public const int PositionIncrementGap = 100;

    /// <inheritdoc />
    public override int GetPositionIncrementGap(string fieldName) => PositionIncrementGap;

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new ArabicTokenizer(reader);
        TokenStream sink = View == ArabicView.Exact ? source : new ArabicStopwordFilter(source);
        if (View == ArabicView.Stemmed) sink = new ArabicLightStemFilter(sink);
        else if (View == ArabicView.Loose) sink = new ArabicLooseStemFilter(sink);
        return new TokenStreamComponents(source, sink);
    }
}
