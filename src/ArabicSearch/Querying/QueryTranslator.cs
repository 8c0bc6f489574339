using ArabicSearch.Analysis;
using ArabicSearch.Entities;
using ArabicSearch.Highlighting;
using ArabicSearch.Ingestion;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArabicSearch.Querying;

/// <summary>Routes each field to the analyzer of its view.</summary>
internal sealed class FieldAnalyzer : AnalyzerWrapper
{
    private readonly ArabicSearchAnalyzer _exact = new(ArabicView.Exact);
    private readonly ArabicSearchAnalyzer _stemmed = new(ArabicView.Stemmed);
    private readonly ArabicSearchAnalyzer _loose = new(ArabicView.Loose);

    public FieldAnalyzer() : base(PER_FIELD_REUSE_STRATEGY) { }

    public Analyzer For(ArabicView view) => view switch { ArabicView.Exact => _exact, ArabicView.Loose => _loose, _ => _stemmed };

    protected override Analyzer GetWrappedAnalyzer(string fieldName) => For(FieldNames.ViewOf(fieldName));

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _exact.Dispose(); _stemmed.Dispose(); _loose.Dispose(); }
        base.Dispose(disposing);
    }
}

/// <summary>What a <see cref="SearchRequest"/> becomes: a Lucene query, the words to mark, and notices for the user.</summary>
internal sealed record TranslatedQuery(Query Query, HighlightTerms Highlight, IReadOnlyList<string> Notices);

/// <summary>Turns <see cref="SearchRequest"/>s into Lucene queries. Thread-safe: it keeps no per-query state.</summary>
internal sealed class QueryTranslator
{
    /// <summary>The longest free text or phrase accepted.</summary>
    public const int MaxTextLength = 10_000;

    private readonly FieldAnalyzer _analyzer;
    private readonly EntityRecognizer _recognizer;
    private readonly string[] _textFields;
    private readonly Dictionary<string, float> _boosts;
    private readonly FreeTextQueryBuilder _freeText;

    public QueryTranslator(FieldAnalyzer analyzer, EntityRecognizer recognizer, ArabicSearchOptions options)
    {
        _analyzer = analyzer;
        _recognizer = recognizer;
        _boosts = new Dictionary<string, float>
        {
            [FieldNames.Title] = options.TitleBoost,
            [FieldNames.Body] = 1f,
            [FieldNames.TitleExact] = options.TitleBoost * options.ExactViewWeight,
            [FieldNames.BodyExact] = options.ExactViewWeight,
        };
        // Queries that use Lucene syntax search the stemmed and exact views only: the loose view would let a required
        // (+) word or a NOT match spellings the user did not write. Plain free text also searches the loose view.
        _textFields = _boosts.Where(kv => kv.Value > 0).Select(kv => kv.Key).ToArray();
        _freeText = new FreeTextQueryBuilder(analyzer, options);
    }

    public TranslatedQuery Translate(SearchRequest request)
    {
        var must = new BooleanQuery();
        var highlight = new HighlightTerms();
        var notices = new List<string>();

        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            CheckLength(request.Text, "query text");
            QueryGuard.CheckWordCount(request.Text);
            must.Add(ParseText(request.Text, request.Syntax), Occur.MUST);
            highlight.AddWords(request.Text);
        }
        if (!string.IsNullOrWhiteSpace(request.Phrase))
        {
            CheckLength(request.Phrase, "phrase");
            var view = request.PhraseMode == PhraseMode.Exact ? ArabicView.Exact : ArabicView.Stemmed;
            var q = PhraseQuery(request.Phrase, view, request.PhraseMode == PhraseMode.Exact ? 0 : request.PhraseSlop)
                ?? throw new InvalidQueryException($"The phrase \"{request.Phrase}\" has no searchable words (only stopwords or punctuation).");
            must.Add(q, Occur.MUST);
            highlight.AddWords(request.Phrase);
        }
        foreach (var name in request.Entities)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new InvalidQueryException("An entity name is empty.");
            CheckLength(name, "entity name");
            var entity = _recognizer.Resolve(name);
            if (entity is not null)
            {
                must.Add(new TermQuery(new Term(FieldNames.Entity, entity.Id)), Occur.MUST);
                highlight.EntityIds.Add(entity.Id);
                continue;
            }
            var fallback = PhraseQuery(name, ArabicView.Exact, 0)
                ?? throw new InvalidQueryException($"The entity \"{name}\" has no searchable words.");
            must.Add(fallback, Occur.MUST);
            highlight.AddWords(name);
            notices.Add($"Unknown entity \"{name}\": searched as an exact phrase.");
        }
        if (request.From is not null || request.To is not null)
        {
            if (request.From > request.To) throw new InvalidQueryException($"The date range is empty: from {request.From:yyyy-MM-dd} is after to {request.To:yyyy-MM-dd}.");
            string field = request.DateField == DateField.Published ? FieldNames.Published : FieldNames.Mentioned;
            int? min = request.From is { } f ? DateDays.ToDays(f) : null;
            int? max = request.To is { } t ? DateDays.ToDays(t) : null;
            must.Add(Filter(NumericRangeQuery.NewInt32Range(field, min, max, true, true)), Occur.MUST);
        }
        if (SourceCategoryFilter.Build(request) is { } sourceOrCategory) must.Add(Filter(sourceOrCategory), Occur.MUST);
        if (request.LuceneQuery is not null) must.Add(request.LuceneQuery, Occur.MUST);
        if (must.Clauses.Count == 0) must.Add(new MatchAllDocsQuery(), Occur.MUST);
        return new TranslatedQuery(must.Clauses.Count == 1 ? must.Clauses[0].Query : must, highlight, notices);
    }

    private static ConstantScoreQuery Filter(Query q) => new ConstantScoreQuery(q) { Boost = 0f };

    private static void CheckLength(string text, string what)
    {
        if (text.Length > MaxTextLength) throw new InvalidQueryException($"The {what} is {text.Length:N0} characters long; at most {MaxTextLength:N0} are allowed.");
    }

    private Query ParseText(string text, QuerySyntax syntax)
    {
        // Plain words, and Lucene-syntax text that uses no syntax, rank the same way.
        if (syntax == QuerySyntax.Plain || !UsesSyntax(text)) return _freeText.Build(text);
        var parser = new SafeQueryParser(_textFields, _analyzer, _boosts);
        string input = syntax == QuerySyntax.Plain ? QueryParserBase.Escape(text) : text;
        if (syntax == QuerySyntax.Lucene) QueryGuard.CheckNesting(text);
        try
        {
            return QueryGuard.WithoutRepeatedClauses(parser.Parse(input));
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

    /// <summary>True when <paramref name="text"/> has a character or word the classic query parser treats as syntax.</summary>
    private static bool UsesSyntax(string text)
    {
        if (!string.Equals(QueryParserBase.Escape(text), text, StringComparison.Ordinal)) return true;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (word is "AND" or "OR" or "NOT") return true;
        return false;
    }

    private static string FirstLine(string message)
    {
        int nl = message.IndexOf('\n', StringComparison.Ordinal);
        return (nl < 0 ? message : message[..nl]).Trim();
    }

    /// <summary>A phrase over the headline and the body in <paramref name="view"/>; null when the text has no words.</summary>
    internal Query? PhraseQuery(string text, ArabicView view, int slop)
    {
        var terms = Analyze(_analyzer.For(view), text);
        if (terms.Count == 0) return null;
        var either = new BooleanQuery();
        foreach (var field in view == ArabicView.Exact ? new[] { FieldNames.TitleExact, FieldNames.BodyExact } : [FieldNames.Title, FieldNames.Body])
        {
            if (terms.Count == 1)
            {
                either.Add(new TermQuery(new Term(field, terms[0].Term)), Occur.SHOULD);
                continue;
            }
            // Stacked readings (two terms at one position) need a MultiPhraseQuery.
            var pq = new MultiPhraseQuery { Slop = slop };
            foreach (var group in terms.GroupBy(t => t.Position))
                pq.Add(group.Select(t => new Term(field, t.Term)).ToArray(), group.Key);
            either.Add(pq, Occur.SHOULD);
        }
        return either;
    }

    internal static List<(string Term, int Position)> Analyze(Analyzer analyzer, string text)
    {
        var list = new List<(string, int)>();
        using var ts = analyzer.GetTokenStream("", text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var inc = ts.AddAttribute<IPositionIncrementAttribute>();
        ts.Reset();
        int pos = -1;
        while (ts.IncrementToken())
        {
            pos += inc.PositionIncrement;
            list.Add((term.ToString(), pos));
        }
        ts.End();
        return list;
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
        }

        // RegexpQuery has no automaton limit in Lucene.Net 4.8: a crafted pattern can take a minute and a gigabyte.
        protected override Query GetRegexpQuery(string field, string termStr) =>
            throw new ParseException("regular expressions (/…/) are not supported; quote the text to search it literally");

        // Fuzzy and wildcard terms become automata whose cost grows with the term: bound the term.
        protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
            base.GetFuzzyQuery(field, Bounded(termStr, "fuzzy"), minSimilarity);

        protected override Query GetWildcardQuery(string field, string termStr) =>
            base.GetWildcardQuery(field, Bounded(termStr, "wildcard"));

        protected override Query GetPrefixQuery(string field, string termStr) =>
            base.GetPrefixQuery(field, Bounded(termStr, "prefix"));

        private static string Bounded(string term, string kind) => term.Length <= QueryGuard.MaxPatternLength ? term
            : throw new ParseException($"a {kind} term of {term.Length:N0} characters is too long; at most {QueryGuard.MaxPatternLength} are allowed");
    }
}
