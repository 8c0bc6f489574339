using ArabicSearch.Analysis;
using Lucene.Net.Analysis;

namespace ArabicSearch.Indexing;

/// <summary>
/// The analyzer the index writer writes with and queries are analyzed with: routes each field of the document layout
/// (<see cref="FieldNames.ViewOf"/>) to the <see cref="ArabicSearchAnalyzer"/> of its view.
/// </summary>
internal sealed class FieldAnalyzer : AnalyzerWrapper
{
    private readonly ArabicSearchAnalyzer _exact = new(ArabicView.Exact);
    private readonly ArabicSearchAnalyzer _stemmed = new(ArabicView.Stemmed);
    private readonly ArabicSearchAnalyzer _loose = new(ArabicView.Loose);

    public FieldAnalyzer() : base(PER_FIELD_REUSE_STRATEGY) { }

    public Analyzer For(ArabicView view) => view switch { ArabicView.Exact => _exact, ArabicView.Loose => _loose, _ => _stemmed };

    protected override Analyzer GetWrappedAnalyzer(string fieldName) => For(FieldNames.ViewOf(fieldName));

    // The lead field keeps the stemmed view's first positions only, as DocumentMapper's replayed lead does.
    protected override TokenStreamComponents WrapComponents(string fieldName, TokenStreamComponents components) =>
        fieldName == FieldNames.TextLead ? new TokenStreamComponents(components.Tokenizer, DocumentMapper.Lead(components.TokenStream)) : components;

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _exact.Dispose(); _stemmed.Dispose(); _loose.Dispose(); }
        base.Dispose(disposing);
    }
}
