using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArabicSearch.Querying;

/// <summary>Counts <see cref="FieldNames.Category"/> values over the matches, from sorted doc values, beside <see cref="FacetCounter"/>.</summary>
internal sealed class CategoryCounter : ICollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private SortedDocValues? _values;
    private int[] _ordCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _values = context.AtomicReader.GetSortedDocValues(FieldNames.Category);
        _ordCounts = _values is null ? [] : new int[_values.ValueCount];
    }

    public void Collect(int doc)
    {
        if (_values is null) return;
        int ord = _values.GetOrd(doc);
        if (ord >= 0) _ordCounts[ord]++;
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (int ord = 0; ord < _ordCounts.Length; ord++)
        {
            if (_ordCounts[ord] == 0) continue;
            _values!.LookupOrd(ord, bytes);
            string value = bytes.Utf8ToString();
            _counts[value] = _counts.GetValueOrDefault(value) + _ordCounts[ord];
        }
        _ordCounts = [];
        _values = null;
    }

    /// <summary>The <paramref name="limit"/> most frequent categories, ties by value.</summary>
    public IReadOnlyList<FacetCount> Result(int limit)
    {
        Flush();
        return _counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(limit)
            .Select(kv => new FacetCount(kv.Key, kv.Key, kv.Value)).ToList();
    }
}

/// <summary>
/// Wraps a collector and throws <see cref="OperationCanceledException"/> once the token is cancelled: checked at each
/// segment and every 1,024 hits, so a cancelled search stops within a few milliseconds.
/// </summary>
internal sealed class CancellableCollector(ICollector inner, CancellationToken token) : ICollector
{
    private int _sinceCheck;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        token.ThrowIfCancellationRequested();
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_sinceCheck >= 1024)
        {
            _sinceCheck = 0;
            token.ThrowIfCancellationRequested();
        }
        inner.Collect(doc);
    }
}
