namespace ArabicSearch;

/// <summary>The Lucene field names of an ArabicSearch index, for users who go below the facade.</summary>
public static class FieldNames
{
    /// <summary>The article id: indexed as one term, stored.</summary>
    public const string Id = "id";
    /// <summary>The headline: stored, and indexed in the stemmed view on its own, for <c>title:</c> in Lucene syntax.</summary>
    public const string Title = "title";
    /// <summary>The body: stored only (its words are indexed in <see cref="Text"/>).</summary>
    public const string Body = "body";
    /// <summary>
    /// The article's words, stemmed view: the headline (counted <see cref="ArabicSearchOptions.TitleWeight"/> times)
    /// and the body in one field, so BM25 saturates and length-normalizes once over the whole article (BM25F-style).
    /// </summary>
    public const string Text = "text";
    /// <summary>The article's words, exact (normalized, unstemmed) view, stopwords kept: phrases and names.</summary>
    public const string TextExact = "text_exact";
    /// <summary>The article's words, loose (aggressively stemmed, variant-tolerant) view: frequencies, no positions.</summary>
    public const string TextLoose = "text_loose";
    /// <summary>
    /// The article's lead, stemmed view: the words at its first <see cref="Indexing.DocumentMapper.LeadWords"/> positions
    /// (the headline's, or the body's when it has none); frequencies and norms, no positions. Free text ranks an
    /// article higher when a query word is in its lead.
    /// </summary>
    public const string TextLead = "text_lead";
    /// <summary>The source: indexed as one term, stored, and a facet.</summary>
    public const string Source = "source";
    /// <summary>The source lower-cased (invariant culture): indexed as one term, for case-insensitive source filters.</summary>
    public const string SourceKey = "source_key";
    /// <summary>The category: indexed as one term (exact), stored, and a facet.</summary>
    public const string Category = "category";
    /// <summary>The author: stored only.</summary>
    public const string Author = "author";
    /// <summary>The url: stored only.</summary>
    public const string Url = "url";
    /// <summary>The publication date as days since 1970-01-01 (<see cref="Lucene.Net.Documents.Int32Field"/>), stored.</summary>
    public const string Published = "published";
    /// <summary>Doc values of <see cref="Published"/>, for sorting and month facets.</summary>
    public const string PublishedValues = "published_dv";
    /// <summary>Canonical ids of the entities an article names, one term per mention.</summary>
    public const string Entity = "entity";
    /// <summary>
    /// How an article writes each name a rule found (not the gazetteer): one term per name and spelling, the entity id,
    /// U+0001, the name as written (<c>org:وزاره_خارجيه\u0001وزارة الخارجية</c>); not stored. Facets and hits show a
    /// rule-found name in the spelling most of its articles use.
    /// </summary>
    public const string EntityName = "entity_name";
    /// <summary>The MinHash fingerprint of the body, as binary doc values: near-duplicates and related articles.</summary>
    public const string Fingerprint = "fingerprint";
    /// <summary>Dates the text mentions, as days since 1970-01-01, multi-valued.</summary>
    public const string Mentioned = "mentioned";
    /// <summary>
    /// Autocomplete: one untokenized term per distinct headline word and two-word headline phrase, the normalized words,
    /// U+0001, then the words as written (e.g. <c>الاداره\u0001الإدارة</c>); not stored.
    /// </summary>
    public const string Completion = "completion";
    /// <summary>
    /// The version of the analysis an article was indexed with (<see cref="Analysis.ArabicAnalysis.Version"/>), one
    /// term, not stored: articles without the current one were analysed by an older release
    /// (<see cref="ArabicSearchEngine.OlderAnalysisCount"/>).
    /// </summary>
    public const string AnalysisVersion = "analysis";

    /// <summary>The analyzed views, and the analyzer view each uses.</summary>
    internal static Analysis.ArabicView ViewOf(string field) =>
        field.EndsWith("_exact", StringComparison.Ordinal) ? Analysis.ArabicView.Exact
        : field.EndsWith("_loose", StringComparison.Ordinal) ? Analysis.ArabicView.Loose
        : Analysis.ArabicView.Stemmed;
}
