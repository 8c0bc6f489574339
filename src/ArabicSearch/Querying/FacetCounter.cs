using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using ArabicSearch.Entities;
using ArabicSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArabicSearch.Querying;

/// <summary>
/// Counts entities, sources and publication months over every document a query matches, from doc values
/// (Lucene.Net.Facet is not available here). Pass it to <c>IndexSearcher.Search(query, collector)</c>, then call
/// <see cref="Result"/>.
/// </summary>
/// <remarks>
/// Entities are counted by global ordinal: per index snapshot (top-level reader) each segment's ordinals map to one
/// numbering, and each value's string and type are decoded once (<see cref="EntityOrdinals"/>, cached per reader, over
/// the index's <see cref="EntityValueTable"/>, which keeps each segment's map for the segment's life). Per hit that is one array increment per entity; per search, one
/// pass over the counted ordinals keeps the top values of each type, and only those become strings and labels.
/// Sources are few and counted per segment by ordinal, their strings decoded once per segment core.
/// An entity counts once per article however often it is named; articles without a source or a date are not counted
/// under those facets. One instance serves one search on one thread.
/// </remarks>
internal sealed class FacetCounter : ICollector
{
    // Segments are immutable, so the value of each ordinal is decoded once per segment core and reused by every search.
    private static readonly ConditionalWeakTable<object, string?[]> SourceValuesBySegment = new();

    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _months = []; // year * 12 + month - 1

    private EntityOrdinals? _ordinals;
    private int[] _entityCounts = []; // by global ordinal, rented
    private SortedSetDocValues? _entityValues;
    private int[] _toGlobal = [];
    private SortedDocValues? _sourceValues;
    private int[] _sourceCounts = [];
    private NumericDocValues? _published;
    private IBits? _hasPublished;
    private string?[] _sourceNames = [];
    private long _lastDay = long.MinValue;
    private int _lastMonth;

    /// <summary>How many documents were counted.</summary>
    public int Documents { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var reader = context.AtomicReader;
        if (_ordinals is null)
        {
            _ordinals = EntityOrdinals.Of(ReaderUtil.GetTopLevelContext(context).Reader);
            _entityCounts = ArrayPool<int>.Shared.Rent(Math.Max(1, _ordinals.ValueCount));
            Array.Clear(_entityCounts, 0, _ordinals.ValueCount);
        }
        _entityValues = reader.GetSortedSetDocValues(FieldNames.Entity);
        _toGlobal = _entityValues is null ? [] : _ordinals.ToGlobal(context.Ord);
        _sourceValues = reader.GetSortedDocValues(FieldNames.Source);
        _sourceCounts = _sourceValues is null ? [] : new int[_sourceValues.ValueCount];
        _sourceNames = _sourceValues is null ? [] : SourceValuesBySegment.GetValue(reader.CoreCacheKey, _ => new string?[_sourceCounts.Length]);
        _published = reader.GetNumericDocValues(FieldNames.PublishedValues);
        _hasPublished = _published is null ? null : reader.GetDocsWithField(FieldNames.PublishedValues);
    }

    public void Collect(int doc)
    {
        Documents++;
        if (_entityValues is not null)
        {
            _entityValues.SetDocument(doc);
            long ord;
            while ((ord = _entityValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) _entityCounts[_toGlobal[ord]]++;
        }
        if (_sourceValues is not null)
        {
            int ord = _sourceValues.GetOrd(doc);
            if (ord >= 0) _sourceCounts[ord]++;
        }
        if (_published is not null && _hasPublished is not null && _hasPublished.Get(doc))
        {
            long day = _published.Get(doc);
            if (day != _lastDay)
            {
                // Matches come in index order, where neighbours often share a day: convert a day to its month once.
                var date = DateDays.FromDays(checked((int)day));
                (_lastDay, _lastMonth) = (day, date.Year * 12 + date.Month - 1);
            }
            _months[_lastMonth] = _months.GetValueOrDefault(_lastMonth) + 1;
        }
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (int ord = 0; ord < _sourceCounts.Length; ord++)
        {
            if (_sourceCounts[ord] == 0) continue;
            string? source = _sourceNames[ord];
            if (source is null)
            {
                _sourceValues!.LookupOrd(ord, bytes);
                _sourceNames[ord] = source = bytes.Utf8ToString(); // a benign race: equal strings
            }
            if (source.Length > 0) Add(_sources, source, _sourceCounts[ord]);
        }
        _sourceCounts = [];
        _entityValues = null;
        _sourceValues = null;
    }

    private static void Add(Dictionary<string, int> counts, string key, int n) => counts[key] = counts.GetValueOrDefault(key) + n;

    /// <summary>
    /// The counts: the <paramref name="limit"/> most frequent entities of each type and sources (ties by value), and
    /// every month, newest first. <paramref name="typeOf"/> gives an entity id's type (ids it does not know, e.g. from
    /// an entity since removed from the gazetteer, are left out); <paramref name="describe"/> the label of those shown.
    /// </summary>
    public SearchFacets Result(Func<string, EntityType?> typeOf, Func<string, Entity?> describe, int limit)
    {
        FlushSegment();
        // The top ordinals of each type by count, ties by value; a broad query names thousands, only these become entities.
        var byType = new Dictionary<EntityType, PriorityQueue<int, (int Count, string Value)>>();
        foreach (var type in Enum.GetValues<EntityType>()) byType[type] = new(WorstFirst.Instance);
        if (_ordinals is not null)
        {
            var types = _ordinals.Types(typeOf);
            for (int g = 0; g < _ordinals.ValueCount; g++)
            {
                int n = _entityCounts[g];
                if (n == 0 || types[g] is not { } type) continue;
                var heap = byType[type];
                if (heap.Count < limit) heap.Enqueue(g, (n, _ordinals.Value(g)));
                else if (heap.TryPeek(out _, out var worst) && (n > worst.Count || n == worst.Count && string.CompareOrdinal(_ordinals.Value(g), worst.Value) < 0))
                    heap.EnqueueDequeue(g, (n, _ordinals.Value(g)));
            }
            ArrayPool<int>.Shared.Return(_entityCounts);
            _entityCounts = [];
            _ordinals = null;
        }
        var entities = byType.ToDictionary(
            kv => kv.Key.ToString(),
            kv => (IReadOnlyList<FacetCount>)Top(kv.Value.UnorderedItems.Select(x => new FacetCount(x.Priority.Value, x.Priority.Value, x.Priority.Count)), limit)
                .Select(c => c with { Label = describe(c.Value)?.Name ?? c.Value }).ToList(),
            StringComparer.Ordinal);
        var sources = Top(_sources.Select(kv => new FacetCount(kv.Key, kv.Key, kv.Value)), limit);
        var months = _months.OrderByDescending(kv => kv.Key).Select(kv =>
        {
            string ym = string.Create(CultureInfo.InvariantCulture, $"{kv.Key / 12:0000}-{kv.Key % 12 + 1:00}");
            return new FacetCount(ym, ym, kv.Value);
        }).ToList();
        return new SearchFacets { Entities = entities, Sources = sources, Months = months };
    }

    /// <summary>Orders a bounded heap so that its root is the value to drop first: the lowest count, then the greatest value.</summary>
    private sealed class WorstFirst : IComparer<(int Count, string Value)>
    {
        public static WorstFirst Instance { get; } = new();

        public int Compare((int Count, string Value) x, (int Count, string Value) y) =>
            x.Count != y.Count ? x.Count.CompareTo(y.Count) : string.CompareOrdinal(y.Value, x.Value);
    }

    private static List<FacetCount> Top(IEnumerable<FacetCount> counts, int limit) =>
        counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(limit).ToList();
}

/// <summary>
/// The entity values of one index snapshot by global ordinal: each segment's ordinals mapped to global ones, each
/// value's string and type decoded once. Built on the first facet search of a snapshot and cached for its lifetime
/// (keyed by the top-level reader); cheap after a refresh, because the per-segment work is kept in the index's
/// <see cref="EntityValueTable"/> and only segments the table has not seen are read.
/// </summary>
/// <remarks>Thread-safe: immutable once built (the types are the table's, filled once per value).</remarks>
internal sealed class EntityOrdinals
{
    private static readonly ConditionalWeakTable<IndexReader, EntityOrdinals> ByReader = new();

    private readonly int[][] _toGlobal;
    private readonly string[] _values;
    private readonly EntityValueTable _table;

    private EntityOrdinals(IndexReader top)
    {
        var leaves = top.Leaves;
        var values = leaves.Select(l => l.AtomicReader.GetSortedSetDocValues(FieldNames.Entity)).ToArray();
        long live = values.Sum(v => v?.ValueCount ?? 0);
        // One table per index (its Directory; a reader of no directory has its own), shared by its snapshots.
        _table = EntityValueTable.For(top is DirectoryReader d ? d.Directory : top, live);
        _toGlobal = new int[leaves.Count][];
        for (int i = 0; i < leaves.Count; i++)
            _toGlobal[i] = values[i] is { } v ? _table.Map(leaves[i].AtomicReader.CoreCacheKey, v) : [];
        (_values, ValueCount) = _table.Snapshot();
    }

    /// <summary>The ordinals of <paramref name="top"/>'s snapshot, built on first use.</summary>
    public static EntityOrdinals Of(IndexReader top) => ByReader.GetValue(top, r => new EntityOrdinals(r));

    /// <summary>How many global ordinals the snapshot numbers (values of its segments, and of segments since merged away, which count 0).</summary>
    public int ValueCount { get; }

    /// <summary>Segment ordinal → global ordinal for the segment at <paramref name="leaf"/> (its place among the leaves).</summary>
    public int[] ToGlobal(int leaf) => _toGlobal[leaf];

    /// <summary>The value (entity id) of global ordinal <paramref name="g"/>.</summary>
    public string Value(int g) => _values[g];

    /// <summary>The type of each global ordinal's entity by <paramref name="typeOf"/> (null for ids it does not know), computed once per value.</summary>
    public EntityType?[] Types(Func<string, EntityType?> typeOf) => _table.Types(typeOf, ValueCount);
}

/// <summary>
/// The entity values of one index across its snapshots: every value any of its segments has, numbered in the order
/// first seen (an append-only table), and per segment core the map from its sorted-set ordinals to those numbers. A
/// segment is read once for the life of its core; a new snapshot after a commit or refresh reads only its new
/// segments (a flush or a merge), where Lucene's <see cref="MultiDocValues.OrdinalMap"/> would merge every segment's
/// values again (about 130 ms on the 31,525-article ANT index). The numbers are not in value order: facets break ties
/// by the value's string, never by its number.
/// </summary>
/// <remarks>
/// Values of deleted documents and merged-away segments stay in the table (they count 0); when it holds more than
/// twice the values of the live segments, the next snapshot starts a new table. Thread-safe: segments are mapped and
/// values appended under a lock; a snapshot captures the value array and its count, and later appends never change
/// the entries it sees.
/// </remarks>
internal sealed class EntityValueTable
{
    private static readonly ConditionalWeakTable<object, EntityValueTable> ByIndex = new();
    private static readonly object Replacing = new();

    private readonly object _lock = new();
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<object, int[]> _segments = new();
    private string[] _values = new string[256];
    private EntityType?[] _types = new EntityType?[256];
    private int _count, _typed;
    private Func<string, EntityType?>? _typeOf;

    /// <summary>How many segments this table has read (each once).</summary>
    public int SegmentsMapped { get; private set; }

    /// <summary>The table of the index <paramref name="key"/>, a new one when the old holds more than twice <paramref name="live"/> values.</summary>
    public static EntityValueTable For(object key, long live)
    {
        lock (Replacing)
        {
            var table = ByIndex.GetValue(key, _ => new EntityValueTable());
            if (table._count <= 2 * live + 4096) return table;
            ByIndex.AddOrUpdate(key, table = new EntityValueTable());
            return table;
        }
    }

    /// <summary>Segment ordinal → table number for the segment <paramref name="core"/> with entity values <paramref name="values"/>.</summary>
    public int[] Map(object core, SortedSetDocValues values)
    {
        lock (_lock)
        {
            if (_segments.TryGetValue(core, out var known)) return known;
            var map = new int[checked((int)values.ValueCount)];
            var bytes = new BytesRef();
            var lookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
            char[] chars = ArrayPool<char>.Shared.Rent(256);
            try
            {
                for (int ord = 0; ord < map.Length; ord++)
                {
                    values.LookupOrd(ord, bytes);
                    if (chars.Length < bytes.Length)
                    {
                        ArrayPool<char>.Shared.Return(chars);
                        chars = ArrayPool<char>.Shared.Rent(bytes.Length);
                    }
                    int n = System.Text.Encoding.UTF8.GetChars(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), chars);
                    if (!lookup.TryGetValue(chars.AsSpan(0, n), out int number)) number = Append(new string(chars, 0, n));
                    map[ord] = number;
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
            _segments.Add(core, map);
            SegmentsMapped++;
            return map;
        }
    }

    private int Append(string value)
    {
        if (_count == _values.Length)
        {
            // A new array: snapshots keep reading the old one, whose entries never change.
            var grown = new string[_count * 2];
            Array.Copy(_values, grown, _count);
            _values = grown;
        }
        _values[_count] = value;
        _numbers[value] = _count;
        return _count++;
    }

    /// <summary>The value array and how many of its entries are filled, as of now.</summary>
    public (string[] Values, int Count) Snapshot()
    {
        lock (_lock) return (_values, _count);
    }

    /// <summary>The types of the first <paramref name="count"/> values by <paramref name="typeOf"/>, each computed once (again if another function is given).</summary>
    public EntityType?[] Types(Func<string, EntityType?> typeOf, int count)
    {
        lock (_lock)
        {
            if (_typeOf is null || !_typeOf.Equals(typeOf)) (_typeOf, _typed, _types) = (typeOf, 0, new EntityType?[Math.Max(count, 256)]);
            if (_types.Length < count) Array.Resize(ref _types, Math.Max(count, _types.Length * 2)); // a new array, as values
            for (; _typed < count; _typed++) _types[_typed] = typeOf(_values[_typed]);
            return _types;
        }
    }
}
