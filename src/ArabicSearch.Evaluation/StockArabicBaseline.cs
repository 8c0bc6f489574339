using Lucene.Net.Analysis.Ar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ArabicSearch.Evaluation;

/// <summary>
/// The bar to beat: Lucene's stock <c>ArabicAnalyzer</c> as Elasticsearch, Solr and Anserini use it. One text field
/// (headline and body joined), BM25 with k1 = 1.2 and b = 0.75, and each query escaped with
/// <c>QueryParserBase.Escape</c> and parsed by the classic <c>QueryParser</c> as an OR of its terms.
/// </summary>
/// <remarks>In memory; built once from a corpus, then searched. Searching is thread-safe; dispose when done.</remarks>
public sealed class StockArabicBaseline : IDisposable
{
    private const string IdField = "id", TextField = "text";
    private readonly RAMDirectory _directory = new();
    private readonly ArabicAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    /// <summary>Indexes <paramref name="corpus"/>.</summary>
    public StockArabicBaseline(IEnumerable<Article> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var similarity = new BM25Similarity(1.2f, 0.75f);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = similarity }))
        {
            foreach (var a in corpus)
            {
                string text = a.Title.Length > 0 ? a.Title + "\n" + a.Body : a.Body;
                writer.AddDocument(new Document
                {
                    new StringField(IdField, a.Id, Field.Store.YES),
                    new Lucene.Net.Documents.TextField(TextField, text, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
    }

    /// <summary>The ids of the best <paramref name="top"/> documents for <paramref name="text"/>, best first; empty when the text has no terms.</summary>
    public IReadOnlyList<string> Search(string text, int top)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new QueryParser(LuceneVersion.LUCENE_48, TextField, _analyzer) { DefaultOperator = Operator.OR };
        Query query;
        try
        {
            query = parser.Parse(QueryParserBase.Escape(text));
        }
        catch (ParseException)
        {
            return []; // e.g. nothing but whitespace
        }
        var hits = _searcher.Search(query, Math.Max(1, top)).ScoreDocs;
        var ids = new List<string>(hits.Length);
        foreach (var h in hits) ids.Add(_searcher.Doc(h.Doc).Get(IdField));
        return ids;
    }

    /// <summary>Releases the in-memory index.</summary>
    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
