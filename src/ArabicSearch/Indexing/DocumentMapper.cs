using ArabicSearch.Analysis;
using ArabicSearch.Dates;
using ArabicSearch.Duplicates;
using ArabicSearch.Entities;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace ArabicSearch.Indexing;

/// <summary>Turns an <see cref="Article"/> into a Lucene document and a stored document back into its parts.</summary>
internal sealed class DocumentMapper
{
    private readonly EntityRecognizer _recognizer;
    private readonly int _titleWeight;

    private readonly bool _sharedAnalysis;

    /// <param name="recognizer">The entity recognizer of the index.</param>
    /// <param name="titleWeight">How many times the headline counts in each text view.</param>
    /// <param name="sharedAnalysis">True (the default): each text is analysed once for every view and for entities,
    /// dates and fingerprints (<see cref="AnalyzedText"/>). False: each field is analysed on its own by the writer's
    /// analyzer, as before issue 16; kept as the reference the equivalence tests compare against.</param>
    public DocumentMapper(EntityRecognizer recognizer, int titleWeight = 2, bool sharedAnalysis = true)
    {
        _recognizer = recognizer;
        _titleWeight = titleWeight;
        _sharedAnalysis = sharedAnalysis;
    }

    // The loose view only ever answers single-word queries (never phrases), so it keeps frequencies and norms for BM25
    // but no positions: a smaller index and less work per token.
    private static readonly FieldType LooseType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>The term of <see cref="FieldNames.AnalysisVersion"/> this release writes.</summary>
    public static readonly string AnalysisVersionTerm = ArabicAnalysis.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Document ToDocument(Article article)
    {
        // One pass over each text feeds every view, the entities, the dates, the fingerprint and the completions.
        var title = _sharedAnalysis ? AnalyzedText.Of(article.Title) : null;
        var body = _sharedAnalysis ? AnalyzedText.Of(article.Body) : null;
        var doc = new Document
        {
            new StringField(FieldNames.Id, article.Id, Field.Store.YES),
            new StringField(FieldNames.AnalysisVersion, AnalysisVersionTerm, Field.Store.NO),
            title is null ? new TextField(FieldNames.Title, article.Title, Field.Store.YES) : new ViewField(FieldNames.Title, title, FieldNames.ViewOf(FieldNames.Title), TextField.TYPE_STORED),
            new StoredField(FieldNames.Body, article.Body),
            new StringField(FieldNames.Source, article.Source, Field.Store.YES),
            new SortedDocValuesField(FieldNames.Source, new BytesRef(article.Source)),
        };
        // One field per view over the whole article, the headline counted TitleWeight times (BM25F-style): a headline
        // word adds to the article's term frequency before BM25 saturates, and the article is length-normalized once.
        // Scoring headline and body as two fields and summing over-rewards a short headline's one matching word, and
        // puts articles without a headline at a disadvantage (docs/relevance.md). The analyzer's position gap keeps
        // phrases from spanning two values.
        if (article.Title.Length > 0)
        {
            for (int i = 0; i < _titleWeight; i++) AddViews(doc, article.Title, title);
        }
        AddViews(doc, article.Body, body);
        // The lead: the headline's first words, or the body's when the headline has none (docs/relevance.md).
        var titleWords = title?.Words ?? Analysis.TextWords.Split(article.Title);
        if (titleWords.Count > 0) AddLead(doc, article.Title, title);
        else AddLead(doc, article.Body, body);
        if (article.Url.Length > 0) doc.Add(new StoredField(FieldNames.Url, article.Url));
        AddFilterFields(doc, article);
        if (article.Published is { } published)
        {
            int days = DateDays.ToDays(published);
            doc.Add(new Int32Field(FieldNames.Published, days, Field.Store.YES));
            doc.Add(new NumericDocValuesField(FieldNames.PublishedValues, days));
        }

        AddFingerprint(doc, article, title, body);
        AddCompletions(doc, article.Title, titleWords);

        // Days the text talks about, resolved against the publication date: one indexed value per distinct day.
        var mentioned = title is not null && body is not null
            ? DateMentionExtractor.DistinctDays(article.Title, title.Words, article.Body, body.Words, article.Published)
            : DateMentionExtractor.DistinctDays(article.Title + "\n" + article.Body, article.Published);
        foreach (var day in mentioned)
            doc.Add(new Int32Field(FieldNames.Mentioned, DateDays.ToDays(day), Field.Store.NO));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>();
        var names = new List<string>();
        AddEntities(doc, title is null ? _recognizer.Recognize(article.Title) : _recognizer.Recognize(article.Title, title.Words), seen, terms, names);
        AddEntities(doc, body is null ? _recognizer.Recognize(article.Body) : _recognizer.Recognize(article.Body, body.Words), seen, terms, names);
        AddTerms(doc, FieldNames.Entity, terms, _sharedAnalysis);
        AddTerms(doc, FieldNames.EntityName, names, _sharedAnalysis);
        return doc;
    }

    private static void AddEntities(Document doc, IReadOnlyList<EntityMention> mentions, HashSet<string> seen, List<string> terms, List<string> names)
    {
        foreach (var mention in mentions)
        {
            // One indexed term per mention: an entity query ranks articles that name it more often higher.
            terms.Add(mention.Entity.Id);
            // A rule-found name's id is its normalized words: how the article writes it is kept, to be shown (EntityNames).
            if (GeneratedEntities.IsGenerated(mention.Entity.Id) && EntityNames.Term(mention.Entity.Id, mention.Entity.Name) is var name && !names.Contains(name))
                names.Add(name);
            if (seen.Add(mention.Entity.Id))
            {
                doc.Add(new StoredField(FieldNames.Entity, mention.Entity.Id));
                doc.Add(new SortedSetDocValuesField(FieldNames.Entity, new BytesRef(mention.Entity.Id)));
            }
        }
    }

    /// <summary>
    /// Indexes each of <paramref name="terms"/> as a whole term of <paramref name="name"/>, docs only and without norms,
    /// as one <see cref="StringField"/> per term would: as one field over a reused token stream when
    /// <paramref name="oneField"/> (no token stream and attributes per term), or as those string fields.
    /// </summary>
    private static void AddTerms(Document doc, string name, List<string> terms, bool oneField)
    {
        if (terms.Count == 0) return;
        if (oneField)
        {
            doc.Add(new TermsField(name, terms));
            return;
        }
        foreach (var term in terms) doc.Add(new StringField(name, term, Field.Store.NO));
    }

    /// <summary>Whole terms, docs only, no norms: what <see cref="StringField"/> indexes, for several terms in one field.</summary>
    private static readonly FieldType TermsType = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true, // a field with its own token stream must say so; nothing is analysed
        OmitNorms = true,
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY,
    });

    private sealed class TermsField : Field
    {
        private readonly List<string> _terms;

        public TermsField(string name, List<string> terms) : base(name, terms[0], TermsType) => _terms = terms;

        public override Lucene.Net.Analysis.TokenStream GetTokenStream(Lucene.Net.Analysis.Analyzer analyzer) => TermList.Rent(_terms);
    }

    /// <summary>A token stream of whole terms, one per position; the calling thread's, reused once Lucene disposes it.</summary>
    private sealed class TermList : Lucene.Net.Analysis.TokenStream
    {
        private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term;
        private readonly Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute _offset;
        private List<string>? _terms;
        private int _next;
        private bool _inUse;

        [ThreadStatic] private static TermList? t_stream;

        private TermList()
        {
            _term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            _offset = AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        }

        public static TermList Rent(List<string> terms)
        {
            var stream = t_stream;
            if (stream is null || stream._inUse) t_stream = stream = new TermList();
            stream._terms = terms;
            stream._next = 0;
            stream._inUse = true;
            return stream;
        }

        public override bool IncrementToken()
        {
            var terms = _terms ?? throw new InvalidOperationException("The stream is not bound to terms.");
            if (_next >= terms.Count) return false;
            ClearAttributes();
            string term = terms[_next++];
            _term.SetEmpty().Append(term);
            _offset.SetOffset(0, term.Length);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }

        protected override void Dispose(bool disposing)
        {
            _terms = null;
            _inUse = false;
            base.Dispose(disposing);
        }
    }

    /// <summary>The positions of an article's lead (<see cref="FieldNames.TextLead"/>); stopwords count as positions.</summary>
    public const int LeadWords = 4;

    /// <summary>
    /// The lead field: the stemmed view of <paramref name="text"/>'s first <see cref="LeadWords"/> positions, with
    /// frequencies and norms for BM25 and no positions; replayed from <paramref name="analyzed"/>, or analysed by the
    /// writer (<see cref="FieldAnalyzer"/> keeps the same positions) when null.
    /// </summary>
    private static void AddLead(Document doc, string text, AnalyzedText? analyzed) =>
        doc.Add(analyzed is null ? new Field(FieldNames.TextLead, text, LooseType) : new LeadField(analyzed));

    private sealed class LeadField : Field
    {
        private readonly AnalyzedText _text;

        public LeadField(AnalyzedText text) : base(FieldNames.TextLead, text.Text, LooseType) => _text = text;

        public override Lucene.Net.Analysis.TokenStream GetTokenStream(Lucene.Net.Analysis.Analyzer analyzer) => Lead(_text.Stream(ArabicView.Stemmed));
    }

    /// <summary>The tokens of <paramref name="stemmed"/> (a stemmed-view stream) at the lead's positions.</summary>
    internal static Lucene.Net.Analysis.TokenStream Lead(Lucene.Net.Analysis.TokenStream stemmed) =>
        new Lucene.Net.Analysis.Miscellaneous.LimitTokenPositionFilter(stemmed, LeadWords);

    /// <summary>One value of each text view: replayed from <paramref name="analyzed"/>, or analysed by the writer when null.</summary>
    private static void AddViews(Document doc, string text, AnalyzedText? analyzed)
    {
        if (analyzed is null)
        {
            doc.Add(new TextField(FieldNames.Text, text, Field.Store.NO));
            doc.Add(new TextField(FieldNames.TextExact, text, Field.Store.NO));
            doc.Add(new Field(FieldNames.TextLoose, text, LooseType));
            return;
        }
        doc.Add(new ViewField(FieldNames.Text, analyzed, ArabicView.Stemmed, TextField.TYPE_NOT_STORED));
        doc.Add(new ViewField(FieldNames.TextExact, analyzed, ArabicView.Exact, TextField.TYPE_NOT_STORED));
        doc.Add(new ViewField(FieldNames.TextLoose, analyzed, ArabicView.Loose, LooseType));
    }

    /// <summary>
    /// A text view's field whose tokens are replayed from the shared analysis pass instead of being analysed again.
    /// The writer still asks its analyzer (<see cref="FieldAnalyzer"/>) for the position and offset gaps between values.
    /// </summary>
    private sealed class ViewField : Field
    {
        private readonly AnalyzedText _text;
        private readonly ArabicView _view;

        public ViewField(string name, AnalyzedText text, ArabicView view, FieldType type) : base(name, text.Text, type)
        {
            _text = text;
            _view = view;
        }

        public override Lucene.Net.Analysis.TokenStream GetTokenStream(Lucene.Net.Analysis.Analyzer analyzer) => _text.Stream(_view);
    }

    /// <summary>Source (case-insensitive key), category and author: filters, a facet and the article view.</summary>
    private static void AddFilterFields(Document doc, Article article)
    {
        if (article.Source.Length > 0) doc.Add(new StringField(FieldNames.SourceKey, SourceKeyOf(article.Source), Field.Store.NO));
        if (article.Category.Length > 0)
        {
            doc.Add(new StringField(FieldNames.Category, article.Category, Field.Store.YES));
            doc.Add(new SortedDocValuesField(FieldNames.Category, new BytesRef(article.Category)));
        }
        if (article.Author.Length > 0) doc.Add(new StoredField(FieldNames.Author, article.Author));
    }

    /// <summary>How a source is matched by <see cref="SearchRequest.Sources"/>: trimmed and lower-cased, invariant culture.</summary>
    public static string SourceKeyOf(string source) => source.Trim().ToLowerInvariant();

    /// <summary>A stored document back as an <see cref="Article"/>.</summary>
    public static Article ArticleOf(Document doc) => new(doc.Get(FieldNames.Id) ?? "", doc.Get(FieldNames.Body) ?? "")
    {
        Title = doc.Get(FieldNames.Title) ?? "",
        Source = doc.Get(FieldNames.Source) ?? "",
        Url = doc.Get(FieldNames.Url) ?? "",
        Published = PublishedOf(doc),
        Category = doc.Get(FieldNames.Category) ?? "",
        Author = doc.Get(FieldNames.Author) ?? "",
    };

    /// <summary>
    /// Autocomplete terms (<see cref="FieldNames.Completion"/>): each distinct headline word (not a stopword or a number)
    /// and each two-word phrase of them with only spaces between, as <c>normalized + U+0001 + written</c>, so a prefix
    /// enumeration over normalized forms returns what to display and its document frequency ranks it.
    /// </summary>
    private void AddCompletions(Document doc, string title, List<Analysis.TextWord> words)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>();
        for (int i = 0; i < words.Count && i < 40; i++)
        {
            if (!CompletionTerms.IsCompletable(words[i].Text)) continue;
            Add(words[i].Text, title[words[i].Start..words[i].End]);
            // Words of one ligature (ﷺ) share its offsets: they are no written pair.
            if (i + 1 < words.Count && CompletionTerms.IsCompletable(words[i + 1].Text) && words[i].End <= words[i + 1].Start
                && string.IsNullOrWhiteSpace(title[words[i].End..words[i + 1].Start]))
                Add(words[i].Text + " " + words[i + 1].Text, title[words[i].Start..words[i].End] + " " + title[words[i + 1].Start..words[i + 1].End]);
        }

        void Add(string normalized, string written)
        {
            string term = normalized + CompletionTerms.Separator + written;
            if (seen.Add(term)) terms.Add(term);
        }
        AddTerms(doc, FieldNames.Completion, terms, _sharedAnalysis);
    }

    /// <summary>The near-duplicate fingerprint (see <see cref="Fingerprint"/>); every document gets one, possibly empty.</summary>
    private static void AddFingerprint(Document doc, Article article, AnalyzedText? title, AnalyzedText? body)
    {
        var fingerprint = title is not null && body is not null ? DuplicateIndex.FingerprintOf(title, body) : DuplicateIndex.FingerprintOf(article);
        doc.Add(new BinaryDocValuesField(FieldNames.Fingerprint, new BytesRef(fingerprint.ToBytes())));
    }

    public static DateOnly? PublishedOf(Document doc)
    {
        var f = doc.GetField(FieldNames.Published);
        return f?.GetInt32Value() is int days ? DateDays.FromDays(days) : null;
    }

    public IReadOnlyList<Entity> EntitiesOf(Document doc, Lucene.Net.Index.IndexReader? reader = null) => EntitiesOf(doc.GetValues(FieldNames.Entity), reader);

    /// <summary>
    /// The entities of stored entity ids, in order; ids the recognizer does not know are left out. With
    /// <paramref name="reader"/>, a rule-found name is shown as most of its articles write it (<see cref="EntityNames"/>).
    /// </summary>
    public IReadOnlyList<Entity> EntitiesOf(IReadOnlyList<string> ids, Lucene.Net.Index.IndexReader? reader = null)
    {
        var list = new List<Entity>(ids.Count);
        foreach (var id in ids)
            if (_recognizer.Describe(id) is { } e) list.Add(reader is null ? e : EntityNames.AsWritten(e, reader));
        return list;
    }
}

/// <summary>
/// The stored fields a search hit shows (id, headline, body, source, url, category, publication day, entity ids), read
/// straight from the stored-fields visitor: no <see cref="Document"/>, no field object per value, and the fields a hit
/// does not show (author) are skipped. Each single-valued field keeps its first value, as <see cref="Document.Get(string)"/> does.
/// </summary>
internal sealed class HitFields : Lucene.Net.Index.StoredFieldVisitor
{
    public string? Id { get; private set; }
    public string? Title { get; private set; }
    public string? Body { get; private set; }
    public string? Source { get; private set; }
    public string? Url { get; private set; }
    public string? Category { get; private set; }
    public DateOnly? Published { get; private set; }
    public List<string> Entities { get; } = [];

    /// <summary>Reads the hit fields of document <paramref name="doc"/>.</summary>
    public static HitFields Of(Lucene.Net.Index.IndexReader reader, int doc)
    {
        var fields = new HitFields();
        reader.Document(doc, fields);
        return fields;
    }

    public override Status NeedsField(Lucene.Net.Index.FieldInfo fieldInfo) => fieldInfo.Name switch
    {
        FieldNames.Id or FieldNames.Title or FieldNames.Body or FieldNames.Source or FieldNames.Url or FieldNames.Category
            or FieldNames.Published or FieldNames.Entity => Status.YES,
        _ => Status.NO,
    };

    public override void StringField(Lucene.Net.Index.FieldInfo fieldInfo, string value)
    {
        switch (fieldInfo.Name)
        {
            case FieldNames.Id: Id ??= value; break;
            case FieldNames.Title: Title ??= value; break;
            case FieldNames.Body: Body ??= value; break;
            case FieldNames.Source: Source ??= value; break;
            case FieldNames.Url: Url ??= value; break;
            case FieldNames.Category: Category ??= value; break;
            case FieldNames.Entity: Entities.Add(value); break;
        }
    }

    public override void Int32Field(Lucene.Net.Index.FieldInfo fieldInfo, int value)
    {
        if (fieldInfo.Name == FieldNames.Published) Published ??= DateDays.FromDays(value);
    }
}
