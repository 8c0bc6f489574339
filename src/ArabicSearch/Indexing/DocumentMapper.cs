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

    public DocumentMapper(EntityRecognizer recognizer, int titleWeight = 2)
    {
        _recognizer = recognizer;
        _titleWeight = titleWeight;
    }

    // The loose view only ever answers single-word queries (never phrases), so it keeps frequencies and norms for BM25
    // but no positions: a smaller index and less work per token.
    private static readonly FieldType LooseType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    public Document ToDocument(Article article)
    {
        var doc = new Document
        {
            new StringField(FieldNames.Id, article.Id, Field.Store.YES),
            new TextField(FieldNames.Title, article.Title, Field.Store.YES),
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
            for (int i = 0; i < _titleWeight; i++)
            {
                doc.Add(new TextField(FieldNames.Text, article.Title, Field.Store.NO));
                doc.Add(new TextField(FieldNames.TextExact, article.Title, Field.Store.NO));
                doc.Add(new Field(FieldNames.TextLoose, article.Title, LooseType));
            }
        }
        doc.Add(new TextField(FieldNames.Text, article.Body, Field.Store.NO));
        doc.Add(new TextField(FieldNames.TextExact, article.Body, Field.Store.NO));
        doc.Add(new Field(FieldNames.TextLoose, article.Body, LooseType));
        if (article.Url.Length > 0) doc.Add(new StoredField(FieldNames.Url, article.Url));
        AddFilterFields(doc, article);
        if (article.Published is { } published)
        {
            int days = DateDays.ToDays(published);
            doc.Add(new Int32Field(FieldNames.Published, days, Field.Store.YES));
            doc.Add(new NumericDocValuesField(FieldNames.PublishedValues, days));
        }

        AddFingerprint(doc, article);
        AddCompletions(doc, article.Title);

        // Days the text talks about, resolved against the publication date: one indexed value per distinct day.
        foreach (var day in DateMentionExtractor.DistinctDays(article.Title + "\n" + article.Body, article.Published))
            doc.Add(new Int32Field(FieldNames.Mentioned, DateDays.ToDays(day), Field.Store.NO));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { article.Title, article.Body })
        {
            foreach (var mention in _recognizer.Recognize(text))
            {
                // One indexed term per mention: an entity query ranks articles that name it more often higher.
                doc.Add(new StringField(FieldNames.Entity, mention.Entity.Id, Field.Store.NO));
                if (seen.Add(mention.Entity.Id))
                {
                    doc.Add(new StoredField(FieldNames.Entity, mention.Entity.Id));
                    doc.Add(new SortedSetDocValuesField(FieldNames.Entity, new BytesRef(mention.Entity.Id)));
                }
            }
        }
        return doc;
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
    private static void AddCompletions(Document doc, string title)
    {
        var words = Analysis.TextWords.Split(title);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < words.Count && i < 40; i++)
        {
            if (!CompletionTerms.IsCompletable(words[i].Text)) continue;
            Add(words[i].Text, title[words[i].Start..words[i].End]);
            if (i + 1 < words.Count && CompletionTerms.IsCompletable(words[i + 1].Text) && string.IsNullOrWhiteSpace(title[words[i].End..words[i + 1].Start]))
                Add(words[i].Text + " " + words[i + 1].Text, title[words[i].Start..words[i].End] + " " + title[words[i + 1].Start..words[i + 1].End]);
        }

        void Add(string normalized, string written)
        {
            string term = normalized + CompletionTerms.Separator + written;
            if (seen.Add(term)) doc.Add(new StringField(FieldNames.Completion, term, Field.Store.NO));
        }
    }

    /// <summary>The near-duplicate fingerprint (see <see cref="Fingerprint"/>); every document gets one, possibly empty.</summary>
    private static void AddFingerprint(Document doc, Article article) =>
        doc.Add(new BinaryDocValuesField(FieldNames.Fingerprint, new BytesRef(DuplicateIndex.FingerprintOf(article).ToBytes())));

    public static DateOnly? PublishedOf(Document doc)
    {
        var f = doc.GetField(FieldNames.Published);
        return f?.GetInt32Value() is int days ? DateDays.FromDays(days) : null;
    }

    public IReadOnlyList<Entity> EntitiesOf(Document doc)
    {
        var list = new List<Entity>();
        foreach (var id in doc.GetValues(FieldNames.Entity))
            if (_recognizer.Describe(id) is { } e) list.Add(e);
        return list;
    }
}
