using ArabicSearch.Analysis;
using ArabicSearch.Entities;
using ArabicSearch.Highlighting;
using ArabicSearch.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArabicSearch.Querying;

/// <summary>What a <see cref="SearchRequest"/> becomes: a Lucene query, the words to mark, and notices for the user.</summary>
internal sealed record TranslatedQuery(Query Query, HighlightTerms Highlight, IReadOnlyList<string> Notices);

/// <summary>Turns <see cref="SearchRequest"/>s into Lucene queries. Thread-safe: it keeps no per-query state.</summary>
internal sealed class QueryTranslator
{
    /// <summary>The longest free text or phrase accepted.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>The most entities one request may require.</summary>
    public const int MaxEntities = 64;

    /// <summary>The largest <see cref="SearchRequest.PhraseSlop"/> accepted: a sloppy phrase's cost grows with it.</summary>
    public const int MaxPhraseSlop = 20;

    private readonly FieldAnalyzer _analyzer;
    private readonly EntityRecognizer _recognizer;
    private readonly string[] _textFields;
    private readonly Dictionary<string, float> _boosts;
    private readonly FreeTextQueryBuilder _freeText;
    private readonly float _guessWeight;

    public QueryTranslator(FieldAnalyzer analyzer, EntityRecognizer recognizer, ArabicSearchOptions options)
    {
        _analyzer = analyzer;
        _recognizer = recognizer;
        _boosts = new Dictionary<string, float>
        {
            [FieldNames.Text] = 1f,
            [FieldNames.TextExact] = options.ExactViewWeight,
        };
        // Queries in Lucene syntax search the stemmed and exact views only: the loose view would let a required (+)
        // word or a NOT match spellings the user did not write.
        _textFields = _boosts.Where(kv => kv.Value > 0).Select(kv => kv.Key).ToArray();
        _freeText = new FreeTextQueryBuilder(analyzer, recognizer, options);
        _guessWeight = options.ProcliticReadingWeight;
    }

    /// <summary>Checks the parts of <paramref name="request"/> that need no index; the same messages wherever the request comes from.</summary>
    /// <exception cref="InvalidQueryException">The request is out of bounds.</exception>
    public static void Validate(SearchRequest request, int maxResultWindow)
    {
        if (request.Top < 0) throw new InvalidQueryException($"Top must be zero or more, not {request.Top}.");
        if (request.Skip < 0) throw new InvalidQueryException($"Skip must be zero or more, not {request.Skip}.");
        if (request.FacetLimit < 1) throw new InvalidQueryException($"FacetLimit must be at least 1, not {request.FacetLimit}.");
        if (request.PhraseSlop < 0) throw new InvalidQueryException($"PhraseSlop must be zero or more, not {request.PhraseSlop}.");
        if (request.PhraseSlop > MaxPhraseSlop) throw new InvalidQueryException($"PhraseSlop is {request.PhraseSlop}; at most {MaxPhraseSlop} is allowed.");
        // An exact phrase has no slop: a slop given with it was silently dropped, and the phrase then matched only exactly.
        if (request.PhraseSlop > 0 && request.PhraseMode == PhraseMode.Exact && !string.IsNullOrWhiteSpace(request.Phrase))
            throw new InvalidQueryException($"PhraseSlop is {request.PhraseSlop}, but slop applies to stemmed phrases only (PhraseMode Stemmed); an exact phrase allows no words between its words.");
        // Out-of-range enum values (a cast, or a number bound from JSON) would otherwise fall through to a default.
        CheckDefined(request.Syntax, nameof(SearchRequest.Syntax));
        CheckDefined(request.PhraseMode, nameof(SearchRequest.PhraseMode));
        CheckDefined(request.DateField, nameof(SearchRequest.DateField));
        CheckDefined(request.Sort, nameof(SearchRequest.Sort));
        CheckNames(request.Entities, "An entity name");
        CheckNames(request.Sources, "A source name");
        CheckNames(request.Categories, "A category name");
        if ((long)request.Skip + request.Top > maxResultWindow)
            throw new InvalidQueryException($"Skip + Top is {(long)request.Skip + request.Top:N0}; at most {maxResultWindow:N0} hits can be paged through.");
        if (request.Entities.Count > MaxEntities)
            throw new InvalidQueryException($"The request names {request.Entities.Count:N0} entities; at most {MaxEntities} are allowed.");
        if (!(request.RecencyHalfLifeDays > 0) || double.IsInfinity(request.RecencyHalfLifeDays))
            throw new InvalidQueryException($"RecencyHalfLifeDays must be a positive number of days, not {request.RecencyHalfLifeDays}.");
        if (request.From > request.To) throw new InvalidQueryException($"The date range is empty: from {request.From:yyyy-MM-dd} is after to {request.To:yyyy-MM-dd}.");
    }

    private static void CheckDefined<T>(T value, string property) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new InvalidQueryException($"{property} is {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}, which is not a {typeof(T).Name}; use one of {string.Join(", ", Enum.GetNames<T>())}.");
    }

    private static void CheckNames(IReadOnlyList<string> names, string what)
    {
        foreach (var name in names)
            if (string.IsNullOrWhiteSpace(name)) throw new InvalidQueryException($"{what} is empty.");
    }

    /// <summary>The Lucene query for <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="reader">The index to be searched: free words no article has as written are then matched as spelling variants. Null skips that.</param>
    /// <exception cref="InvalidQueryException">The request cannot be read (Lucene syntax only) or costs more than <see cref="QueryBudget.MaxCost"/>.</exception>
    public TranslatedQuery Translate(SearchRequest request, IndexReader? reader = null)
    {
        var must = new BooleanQuery();
        var highlight = new HighlightTerms();
        var notices = new List<string>();

        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            CheckLength(request.Text, "query text");
            QueryGuard.CheckWordCount(request.Text);
            var text = ParseText(request.Text, request.Syntax, reader, highlight, notices);
            if (text is null)
            {
                notices.Add("The query text has no searchable words.");
                text = new BooleanQuery(); // matches nothing
            }
            must.Add(text, Occur.MUST);
        }
        if (!string.IsNullOrWhiteSpace(request.Phrase))
        {
            CheckLength(request.Phrase, "phrase");
            var view = request.PhraseMode == PhraseMode.Exact ? ArabicView.Exact : ArabicView.Stemmed;
            var q = PhraseQuery(request.Phrase, view, request.PhraseMode == PhraseMode.Exact ? 0 : request.PhraseSlop, highlight)
                ?? throw new InvalidQueryException($"The phrase \"{request.Phrase}\" has no searchable words (only punctuation).");
            must.Add(q, Occur.MUST);
        }
        foreach (var name in request.Entities.Distinct(StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(name)) throw new InvalidQueryException("An entity name is empty.");
            CheckLength(name, "entity name");
            var entity = _recognizer.Resolve(name);
            if (entity is not null)
            {
                // Two aliases of one entity are one clause. A filter, not a scored clause: the entity field is
                // indexed without frequencies or norms, so its term scored every article alike anyway. The constant
                // score of 1 keeps an entity-only search ranked by recency under RelevanceWithRecency.
                if (highlight.EntityIds.Add(entity.Id)) must.Add(new ConstantScoreQuery(new TermFilter(new Term(FieldNames.Entity, entity.Id))), Occur.MUST);
                continue;
            }
            var fallback = PhraseQuery(name, ArabicView.Exact, 0, highlight)
                ?? throw new InvalidQueryException($"The entity \"{name}\" has no searchable words.");
            must.Add(fallback, Occur.MUST);
            notices.Add($"Unknown entity \"{name}\": searched as an exact phrase.");
        }
        if (request.From is not null || request.To is not null)
        {
            string field = request.DateField == DateField.Published ? FieldNames.Published : FieldNames.Mentioned;
            int? min = request.From is { } f ? DateDays.ToDays(f) : null;
            int? max = request.To is { } t ? DateDays.ToDays(t) : null;
            must.Add(Filter(NumericRangeQuery.NewInt32Range(field, min, max, true, true)), Occur.MUST);
            if (request.DateField == DateField.Mentioned) highlight.MentionedDays = (request.From, request.To);
        }
        if (SourceCategoryFilter.Build(request) is { } sourceOrCategory) must.Add(Filter(sourceOrCategory), Occur.MUST);
        if (request.LuceneQuery is not null) must.Add(request.LuceneQuery, Occur.MUST);
        if (must.Clauses.Count == 0) must.Add(new MatchAllDocsQuery(), Occur.MUST);
        var query = must.Clauses.Count == 1 ? must.Clauses[0].Query : must;
        QueryBudget.Check(query);
        if (request.Sort == SearchSort.RelevanceWithRecency) query = new RecencyQuery(query, request.RecencyHalfLifeDays);
        return new TranslatedQuery(query, highlight, notices);
    }

    /// <summary>The order of hits for <paramref name="sort"/>; null for score order (relevance, with or without recency).</summary>
    public static Sort? SortOf(SearchSort sort) => sort switch
    {
        SearchSort.Newest => new Sort(new SortField(FieldNames.PublishedValues, SortFieldType.INT64, true), SortField.FIELD_SCORE),
        SearchSort.Oldest => new Sort(OldestFirst(), SortField.FIELD_SCORE),
        _ => null,
    };

    /// <summary>Publication day ascending, undated articles last.</summary>
    private static SortField OldestFirst()
    {
        var field = new SortField(FieldNames.PublishedValues, SortFieldType.INT64, false);
        field.SetMissingValue(long.MaxValue);
        return field;
    }

    private static ConstantScoreQuery Filter(Query q) => new ConstantScoreQuery(q) { Boost = 0f };

    private static void CheckLength(string text, string what)
    {
        if (text.Length > MaxTextLength) throw new InvalidQueryException($"The {what} is {text.Length:N0} characters long; at most {MaxTextLength:N0} are allowed.");
    }

    /// <summary>The query for free text in <paramref name="syntax"/>; null when it has no searchable words.</summary>
    private Query? ParseText(string text, QuerySyntax syntax, IndexReader? reader, HighlightTerms highlight, List<string> notices)
    {
        switch (syntax)
        {
            case QuerySyntax.Plain:
                return _freeText.Build(text, reader, highlight, notices).Combined();
            case QuerySyntax.Lucene:
                highlight.AddWords(text, ArabicView.Exact, ArabicView.Stemmed); // the views Lucene syntax searches
                var parsed = ParseLucene(text);
                if (parsed is not null && HasMultiTerm(parsed))
                {
                    notices.Add($"Wildcard, prefix, fuzzy and range terms match the articles of their {QueryBudget.MaxExpansions} most frequent expansions only.");
                    if (reader is not null) MarkExpansions(parsed, reader, highlight);
                }
                return parsed;
            default:
                return SearchBox(SearchBoxSyntax.Parse(text), reader, highlight, notices);
        }
    }

    /// <summary>
    /// Adds the terms wildcard, prefix, fuzzy and range terms expand to in <paramref name="reader"/> to the highlight
    /// terms, so their hits mark the words that made them match (<c>ترا?ب</c> marks ترامب). The same expansion the search
    /// makes (at most <see cref="QueryBudget.MaxExpansions"/> terms each).
    /// </summary>
    private static void MarkExpansions(Query parsed, IndexReader reader, HighlightTerms highlight)
    {
        var terms = new HashSet<Term>();
        try
        {
            new IndexSearcher(reader).Rewrite(parsed).ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            return; // a query kind that cannot list its terms: its hits keep the marks of the other words
        }
        foreach (var term in terms)
        {
            var view = FieldNames.ViewOf(term.Field);
            highlight.Add(view, view == ArabicView.Stemmed ? ArabicWord.ReadingOf(term.Text) : term.Text);
        }
    }

    /// <summary>
    /// A search box's query: the free words ranked (any may match), every quoted phrase required (then the free words
    /// only rank), every excluded word or phrase forbidden; exclusions alone exclude from every article.
    /// </summary>
    private BooleanQuery? SearchBox(SearchBoxQuery box, IndexReader? reader, HighlightTerms highlight, List<string> notices)
    {
        var query = new BooleanQuery(true);
        var free = _freeText.Build(box.Words, reader, highlight, notices);
        bool anyRequired = false;
        foreach (var phrase in box.Phrases)
        {
            var q = PhraseQuery(phrase, ArabicView.Exact, 0, highlight);
            if (q is null) continue;
            query.Add(q, Occur.MUST);
            anyRequired = true;
        }
        if (free.Matching is not null) query.Add(free.Matching, anyRequired ? Occur.SHOULD : Occur.MUST);
        foreach (var s in free.Scoring) query.Add(s, Occur.SHOULD);
        bool anyPositive = anyRequired || free.Matching is not null;
        foreach (var (text, isPhrase) in box.Excluded)
        {
            var q = isPhrase ? PhraseQuery(text, ArabicView.Exact, 0, null) : AnyReading(text);
            if (q is not null) query.Add(q, Occur.MUST_NOT);
            // A name excludes its entity in every spelling, as the name typed finds it in every spelling (-Trump, -نتنياهو
            // also drop the articles that write ترمب or نتانياهو).
            foreach (var mention in _recognizer.Recognize(text))
            {
                if (mention.Nested || _recognizer.Gazetteer.Find(mention.Entity.Id) is null) continue;
                var entityTerm = new Term(FieldNames.Entity, mention.Entity.Id);
                if (reader is not null && reader.DocFreq(entityTerm) == 0) continue;
                query.Add(new TermQuery(entityTerm), Occur.MUST_NOT);
                notices.Add($"-{text}: also left out the articles that name the {FreeTextQueryBuilder.Describe(mention.Entity.Type)} {mention.Entity.Name} in another spelling.");
            }
        }
        if (!anyPositive)
        {
            if (query.Clauses.Count == 0) return null;
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return query;
    }

    /// <summary>Articles that have any word of <paramref name="text"/>, as written or stemmed: what <c>-word</c> excludes.</summary>
    private BooleanQuery? AnyReading(string text)
    {
        var any = new BooleanQuery(true);
        foreach (var (term, _, _, _) in ArabicAnalysis.Terms(_analyzer.For(ArabicView.Exact), text))
            any.Add(new TermQuery(new Term(FieldNames.TextExact, term)), Occur.SHOULD);
        foreach (var (term, _, _, _) in ArabicAnalysis.Terms(_analyzer.For(ArabicView.Stemmed), text))
            foreach (var t in ProcliticReadings.Both(FieldNames.Text, term)) any.Add(new TermQuery(t), Occur.SHOULD);
        return any.Clauses.Count == 0 ? null : any;
    }

    private Query? ParseLucene(string text)
    {
        var parser = new SafeQueryParser(_textFields, _analyzer, _boosts);
        QueryGuard.CheckNesting(text);
        try
        {
            return ProcliticReadings.Expand(QueryGuard.WithoutRepeatedClauses(parser.Parse(text)), _guessWeight);
        }
        catch (ParseException e) when (e.InnerException is BooleanQuery.TooManyClausesException)
        {
            throw new InvalidQueryException($"The query has more than {BooleanQuery.MaxClauseCount} clauses.", e);
        }
        catch (ParseException e)
        {
            // The parser wraps the cause as "Cannot parse '<the whole query>': cause"; report the cause, briefly.
            string cause = FirstLine((e.InnerException ?? e).Message);
            if (cause.Length > 200) cause = cause[..200] + "…";
            throw new InvalidQueryException($"Cannot parse the query: {cause}", e);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            throw new InvalidQueryException($"The query has more than {BooleanQuery.MaxClauseCount} clauses.", e);
        }
    }

    /// <summary>True when <paramref name="query"/> holds a wildcard, prefix, fuzzy or range term (a <see cref="MultiTermQuery"/>).</summary>
    private static bool HasMultiTerm(Query query) => query switch
    {
        MultiTermQuery => true,
        BooleanQuery b => b.Clauses.Any(c => HasMultiTerm(c.Query)),
        DisjunctionMaxQuery d => d.Disjuncts.Any(HasMultiTerm),
        _ => false,
    };

    private static string FirstLine(string message)
    {
        int nl = message.IndexOf('\n', StringComparison.Ordinal);
        return (nl < 0 ? message : message[..nl]).Trim();
    }

    /// <summary>A phrase over the article's text in <paramref name="view"/>; null when the text has no words.</summary>
    internal Query? PhraseQuery(string text, ArabicView view, int slop, HighlightTerms? highlight = null)
    {
        var terms = ArabicAnalysis.Terms(_analyzer.For(view), text);
        if (terms.Count == 0) return null;
        string field = view == ArabicView.Exact ? FieldNames.TextExact : FieldNames.Text;
        highlight?.AddPhrase(text, view);
        if (terms.Count == 1) return ProcliticReadings.Expand(new TermQuery(new Term(field, terms[0].Term)), _guessWeight);
        if (view == ArabicView.Exact && terms.Select(t => t.Position).Distinct().Count() == terms.Count)
        {
            // One term per position (the exact view stacks no readings): a PhraseQuery, which scores as the
            // MultiPhraseQuery would (same statistics, same exact-phrase scorer) but looks each term up once per
            // segment where MultiPhraseQuery looks it up again when it scores.
            var exact = new PhraseQuery { Slop = slop };
            foreach (var t in terms) exact.Add(new Term(field, t.Term), t.Position);
            return exact;
        }
        // Stacked readings (two terms at one position) need a MultiPhraseQuery; stopword gaps are kept as positions.
        // In the stemmed view each reading is found as written or guessed (ProcliticReadings).
        var pq = new MultiPhraseQuery { Slop = slop };
        foreach (var group in terms.GroupBy(t => t.Position))
            pq.Add(group.Select(t => new Term(field, t.Term)).ToArray(), group.Key);
        return ProcliticReadings.Expand(pq, _guessWeight);
    }

    /// <summary>The classic query parser with the unbounded parts switched off.</summary>
    private sealed class SafeQueryParser : MultiFieldQueryParser
    {
        public SafeQueryParser(string[] fields, Analyzer analyzer, IDictionary<string, float> boosts)
            : base(LuceneVersion.LUCENE_48, fields, analyzer, boosts)
        {
            AllowLeadingWildcard = false;
            DefaultOperator = OR_OPERATOR;
            AutoGeneratePhraseQueries = false;
            // Prefix, wildcard and range terms expand to at most QueryBudget.MaxExpansions index terms each (the most
            // frequent), not to every matching term.
            MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(QueryBudget.MaxExpansions);
        }

        // RegexpQuery has no automaton limit in Lucene.Net 4.8: a crafted pattern can take a minute and a gigabyte.
        protected override Query GetRegexpQuery(string field, string termStr) =>
            throw new ParseException("regular expressions (/…/) are not supported; quote the text to search it literally");

        // Fuzzy and wildcard terms become automata whose cost grows with the term: bound the term. Their letters are
        // folded as the index's are (إدار* finds ادارة); the pattern is not stemmed, and the exact view matches it.
        protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
            base.GetFuzzyQuery(field, Normalized(Bounded(termStr, "fuzzy")), minSimilarity);

        protected override Query GetWildcardQuery(string field, string termStr) =>
            base.GetWildcardQuery(field, Normalized(Bounded(termStr, "wildcard")));

        protected override Query GetPrefixQuery(string field, string termStr) =>
            base.GetPrefixQuery(field, Normalized(Bounded(termStr, "prefix")));

        private static string Bounded(string term, string kind) => term.Length <= QueryGuard.MaxPatternLength ? term
            : throw new ParseException($"a {kind} term of {term.Length:N0} characters is too long; at most {QueryGuard.MaxPatternLength} are allowed");

        /// <summary>A pattern's letters folded as <see cref="ArabicNormalizer"/> folds indexed words; <c>*</c> and <c>?</c> kept.</summary>
        private static string Normalized(string pattern)
        {
            var sb = new System.Text.StringBuilder(pattern.Length);
            foreach (char c in pattern)
            {
                if (c is '*' or '?') { sb.Append(c); continue; }
                char f = ArabicNormalizer.Fold(c);
                if (f == ArabicNormalizer.Expands) sb.Append(ArabicNormalizer.Expansion(c));
                else if (f != ArabicNormalizer.Ignorable && f != ArabicNormalizer.Separator) sb.Append(f);
            }
            return sb.ToString();
        }
    }
}
