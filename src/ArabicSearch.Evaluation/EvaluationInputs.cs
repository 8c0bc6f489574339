using System.Text;
using ArabicSearch.Ingestion;

namespace ArabicSearch.Evaluation;

/// <summary>One evaluation query: its id and the text a user would type.</summary>
/// <param name="Id">The query id, as the qrels name it.</param>
/// <param name="Text">The free text.</param>
public sealed record EvalQuery(string Id, string Text);

/// <summary>Reads query files: one query a line, <c>qid&lt;TAB&gt;text</c>. Blank lines are skipped.</summary>
public static class QueryFile
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">A line has no tab, or an id is empty or repeated.</exception>
    public static IReadOnlyList<EvalQuery> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadLines(path, Encoding.UTF8), Path.GetFileName(path));
    }

    /// <summary>Parses query lines; <paramref name="name"/> prefixes any problem.</summary>
    public static IReadOnlyList<EvalQuery> Parse(IEnumerable<string> lines, string name)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = new List<EvalQuery>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            string line = raw.TrimStart('\uFEFF').TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0) throw new FormatException($"{name}:{lineNo}: expected qid<TAB>text");
            string id = line[..tab].Trim();
            if (id.Length == 0) throw new FormatException($"{name}:{lineNo}: empty query id");
            if (!seen.Add(id)) throw new FormatException($"{name}:{lineNo}: query id {id} repeated");
            list.Add(new EvalQuery(id, line[(tab + 1)..]));
        }
        return list;
    }
}

/// <summary>Relevance judgments in TREC form: <c>qid 0 docid rel</c>, one a line. Immutable.</summary>
public sealed class Qrels
{
    private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();
    private readonly Dictionary<string, Dictionary<string, int>> _byQuery;

    private Qrels(Dictionary<string, Dictionary<string, int>> byQuery) => _byQuery = byQuery;

    /// <summary>The ids of the queries with at least one relevant document.</summary>
    public IEnumerable<string> QueryIds => _byQuery.Where(kv => kv.Value.Values.Any(r => r > 0)).Select(kv => kv.Key);

    /// <summary>The judged documents of <paramref name="queryId"/> and their grades (0 = judged not relevant).</summary>
    public IReadOnlyDictionary<string, int> JudgmentsOf(string queryId) =>
        _byQuery.TryGetValue(queryId, out var d) ? d : None;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">A line is not <c>qid iter docid rel</c> with an integer grade.</exception>
    public static Qrels Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadLines(path, Encoding.UTF8), Path.GetFileName(path));
    }

    /// <summary>Parses qrels lines; <paramref name="name"/> prefixes any problem.</summary>
    public static Qrels Parse(IEnumerable<string> lines, string name)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byQuery = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (var line in lines)
        {
            lineNo++;
            var parts = line.TrimStart('\uFEFF').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            if (parts.Length != 4 || !int.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out int rel))
                throw new FormatException($"{name}:{lineNo}: expected 'qid 0 docid rel' with an integer rel");
            if (!byQuery.TryGetValue(parts[0], out var docs)) byQuery[parts[0]] = docs = new Dictionary<string, int>(StringComparer.Ordinal);
            docs[parts[2]] = rel;
        }
        return new Qrels(byQuery);
    }
}

/// <summary>A corpus, its queries and their judgments, loaded from the three files of an evaluation set.</summary>
/// <param name="Corpus">The documents.</param>
/// <param name="Queries">The queries, in file order.</param>
/// <param name="Qrels">The judgments.</param>
public sealed record EvaluationSet(IReadOnlyList<Article> Corpus, IReadOnlyList<EvalQuery> Queries, Qrels Qrels)
{
    /// <summary>Loads a JSON Lines corpus (see <see cref="JsonLinesReader"/>; <c>title</c> may be missing), a query file and qrels.</summary>
    /// <exception cref="FormatException">A corpus record is rejected, or the query or qrels file is malformed.</exception>
    public static EvaluationSet Load(string corpusPath, string queriesPath, string qrelsPath)
    {
        var corpus = new List<Article>();
        foreach (var record in JsonLinesReader.Read(corpusPath))
        {
            if (record.Article is null) throw new FormatException(record.Problem);
            corpus.Add(record.Article);
        }
        return new EvaluationSet(corpus, QueryFile.Read(queriesPath), Qrels.Read(qrelsPath));
    }
}
