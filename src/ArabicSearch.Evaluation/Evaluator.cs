namespace ArabicSearch.Evaluation;

/// <summary>What to run in an evaluation. Immutable.</summary>
public sealed record EvaluationSettings
{
    /// <summary>How many hits each query retrieves (and the depth of MAP). Default 100.</summary>
    public int Top { get; init; } = 100;

    /// <summary>Also run <see cref="StockArabicBaseline"/>. Default false.</summary>
    public bool Baseline { get; init; }

    /// <summary>The options of our engine (ranking weights, BM25 parameters). Default: the library defaults.</summary>
    public ArabicSearchOptions Options { get; init; } = new();
}

/// <summary>One system's run: its name, ranked document ids per query, and their scores against the qrels.</summary>
/// <param name="Name">The run's name: <see cref="Evaluator.OursName"/> or <see cref="Evaluator.StockName"/>.</param>
/// <param name="Metrics">The mean metrics.</param>
/// <param name="Rankings">Ranked document ids per query id, best first.</param>
public sealed record EvaluationRun(string Name, RetrievalMetrics Metrics, IReadOnlyDictionary<string, IReadOnlyList<string>> Rankings);

/// <summary>The outcome of an evaluation: how many queries were scored, and each run (ours first).</summary>
/// <param name="Queries">The number of queries with judgments that were scored.</param>
/// <param name="Runs">Our run, then the stock baseline when asked for.</param>
public sealed record EvaluationReport(int Queries, IReadOnlyList<EvaluationRun> Runs);

/// <summary>
/// Runs an evaluation set through our engine, exactly as a user's free-text search (plain syntax, no special mode),
/// and optionally through <see cref="StockArabicBaseline"/> in the same process.
/// </summary>
public static class Evaluator
{
    /// <summary>The name of our run.</summary>
    public const string OursName = "arabicsearch";

    /// <summary>The name of the stock baseline's run.</summary>
    public const string StockName = "lucene-stock-arabic";

    /// <summary>Runs <paramref name="set"/>.</summary>
    /// <exception cref="ArgumentException">The settings are out of range.</exception>
    public static EvaluationReport Run(EvaluationSet set, EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Top < 1) throw new ArgumentException("Top must be at least 1.", nameof(settings));
        var runs = new List<EvaluationRun>();
        int evaluated;

        var ours = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using (var engine = ArabicSearchEngine.CreateInMemory(settings.Options with { MaxResultWindow = Math.Max(settings.Options.MaxResultWindow, settings.Top) }))
        {
            engine.AddOrUpdate(set.Corpus);
            engine.Commit();
            foreach (var q in set.Queries)
            {
                IReadOnlyList<string> ids;
                try
                {
                    var results = engine.Search(new SearchRequest { Text = q.Text, Syntax = QuerySyntax.Plain, Top = settings.Top });
                    ids = results.Hits.Select(h => h.Id).ToList();
                }
                catch (InvalidQueryException)
                {
                    ids = []; // a query the engine refuses retrieves nothing
                }
                ours[q.Id] = ids;
            }
        }
        var queryIds = set.Queries.Select(q => q.Id).ToList();
        runs.Add(new EvaluationRun(OursName, RetrievalMetrics.Evaluate(set.Qrels, ours, queryIds, out evaluated), ours));

        if (settings.Baseline)
        {
            var stock = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            using (var baseline = new StockArabicBaseline(set.Corpus))
            {
                foreach (var q in set.Queries) stock[q.Id] = baseline.Search(q.Text, settings.Top);
            }
            runs.Add(new EvaluationRun(StockName, RetrievalMetrics.Evaluate(set.Qrels, stock, queryIds, out _), stock));
        }
        return new EvaluationReport(evaluated, runs);
    }

    /// <summary>Writes <paramref name="run"/> as a TREC run file: <c>qid Q0 docid rank score tag</c>, score = −rank so ties cannot reorder it.</summary>
    public static void WriteTrecRun(EvaluationRun run, IEnumerable<EvalQuery> queries, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var q in queries)
        {
            if (!run.Rankings.TryGetValue(q.Id, out var ids)) continue;
            for (int i = 0; i < ids.Count; i++)
                writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{q.Id} Q0 {ids[i]} {i + 1} {-(i + 1)} {run.Name}"));
        }
    }
}
