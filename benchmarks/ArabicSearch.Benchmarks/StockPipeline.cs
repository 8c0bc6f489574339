using Lucene.Net.Analysis.Ar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ArabicSearch.Benchmarks;

/// <summary>
/// The baseline: what a Lucene.Net user would build without us. Lucene's stock <see cref="ArabicAnalyzer"/> on one
/// analysed text field (headline and body as two values of <c>text</c>), the id as a term, and the headline, body,
/// source, url and date as stored fields; BM25 (1.2, 0.75) and the same 64 MB RAM buffer as our engine; documents are
/// added with UpdateDocument by id, as ours are.
/// </summary>
public static class StockPipeline
{
    /// <summary>The analysed field of the stock index.</summary>
    public const string Text = "text";

    /// <summary>BM25 with Lucene's stock parameters (k1 = 1.2, b = 0.75), not ours (see <see cref="ArabicSearchOptions.Bm25K1"/>).</summary>
    public static readonly Similarity Bm25 = new BM25Similarity(1.2f, 0.75f);

    /// <summary>Opens a writer on a new index in <paramref name="path"/>.</summary>
    public static IndexWriter OpenWriter(string path, ArabicAnalyzer analyzer) =>
        new(new NIOFSDirectory(new DirectoryInfo(path)), new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Bm25,
            RAMBufferSizeMB = 64,
        });

    /// <summary>The stock document of an article.</summary>
    public static Document ToDocument(Article a)
    {
        var doc = new Document
        {
            new StringField("id", a.Id, Field.Store.YES),
            new StoredField("title", a.Title),
            new StoredField("body", a.Body),
            new TextField(Text, a.Title, Field.Store.NO),
            new TextField(Text, a.Body, Field.Store.NO),
            new StringField("source", a.Source, Field.Store.YES),
            new StoredField("url", a.Url),
        };
        if (a.Published is { } d) doc.Add(new Int32Field("published", d.DayNumber, Field.Store.YES));
        return doc;
    }

    /// <summary>Adds (or replaces by id) <paramref name="a"/>.</summary>
    public static void Add(IndexWriter writer, Article a) => writer.UpdateDocument(new Term("id", a.Id), ToDocument(a));

    /// <summary>Total size of the files in <paramref name="path"/>, in bytes.</summary>
    public static long SizeOnDisk(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/> split into <paramref name="threads"/> contiguous parts, one thread each.</summary>
    public static void Split<T>(IReadOnlyList<T> items, int threads, Action<T> work)
    {
        if (threads <= 1)
        {
            foreach (var item in items) work(item);
            return;
        }
        var workers = new Thread[threads];
        Exception? failure = null;
        for (int t = 0; t < threads; t++)
        {
            int from = (int)((long)items.Count * t / threads), to = (int)((long)items.Count * (t + 1) / threads);
            workers[t] = new Thread(() =>
            {
                try { for (int i = from; i < to; i++) work(items[i]); }
                catch (Exception e) { Interlocked.CompareExchange(ref failure, e, null); }
            });
            workers[t].Start();
        }
        foreach (var w in workers) w.Join();
        if (failure is not null) throw new AggregateException(failure);
    }
}
