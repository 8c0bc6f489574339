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
/// Per segment, counts go into arrays indexed by ordinal (no string work per hit); when the segment ends, the non-zero
/// ordinals are looked up once and added to the totals by value, since ordinals differ between segments.
/// An entity counts once per article however often it is named; articles without a source or a date are not counted
/// under those facets. One instance serves one search on one thread.
/// </remarks>
internal sealed class FacetCounter : ICollector
{
    // Segments are immutable, so the value of each ordinal is decoded once per segment core and reused by every search.
    private static readonly ConditionalWeakTable<object, string?[]> EntityValuesBySegment = new();
    private static readonly ConditionalWeakTable<object, string?[]> SourceValuesBySegment = new();

    private readonly Dictionary<string, int> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _months = []; // year * 12 + month - 1

    private SortedSetDocValues? _entityValues;
    private int[] _entityCounts = [];
    private SortedDocValues? _sourceValues;
    private int[] _sourceCounts = [];
    private NumericDocValues? _published;
    private IBits? _hasPublished;
    private string?[] _entityNames = [];
    private string?[] _sourceNames = [];

    /// <summary>How many documents were counted.</summary>
    public int Documents { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var reader = context.AtomicReader;
        _entityValues = reader.GetSortedSetDocValues(FieldNames.Entity);
        _entityCounts = _entityValues is null ? [] : new int[checked((int)_entityValues.ValueCount)];
        _entityNames = _entityValues is null ? [] : EntityValuesBySegment.GetValue(reader.CoreCacheKey, _ => new string?[_entityCounts.Length]);
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
            while ((ord = _entityValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) _entityCounts[ord]++;
        }
        if (_sourceValues is not null)
        {
            int ord = _sourceValues.GetOrd(doc);
            if (ord >= 0) _sourceCounts[ord]++;
        }
        if (_published is not null && _hasPublished is not null && _hasPublished.Get(doc))
        {
            var date = DateDays.FromDays(checked((int)_published.Get(doc)));
            int key = date.Year * 12 + date.Month - 1;
            _months[key] = _months.GetValueOrDefault(key) + 1;
        }
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (int ord = 0; ord < _entityCounts.Length; ord++)
        {
            if (_entityCounts[ord] == 0) continue;
            string? entity = _entityNames[ord];
            if (entity is null)
            {
                _entityValues!.LookupOrd(ord, bytes);
                _entityNames[ord] = entity = bytes.Utf8ToString(); // a benign race: equal strings
            }
            Add(_entities, entity, _entityCounts[ord]);
        }
        for (int ord = 0; ord < _sourceCounts.Length; ord++)
        {
            if (_sourceCounts[ord] == 0) continue;
            string? source = _sourceNames[ord];
            if (source is null)
            {
                _sourceValues!.LookupOrd(ord, bytes);
                _sourceNames[ord] = source = bytes.Utf8ToString();
            }
            if (source.Length > 0) Add(_sources, source, _sourceCounts[ord]);
        }
        _entityCounts = [];
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
        // Rank ids by type first and build entities only for the ones shown: a broad query names thousands.
        var byType = new Dictionary<EntityType, List<FacetCount>>();
        foreach (var type in Enum.GetValues<EntityType>()) byType[type] = [];
        foreach (var (id, n) in _entities)
            if (typeOf(id) is { } type) byType[type].Add(new FacetCount(id, id, n));
        var entities = byType.ToDictionary(
            kv => kv.Key.ToString(),
            kv => (IReadOnlyList<FacetCount>)Top(kv.Value, limit).Select(c => c with { Label = describe(c.Value)?.Name ?? c.Value }).ToList(),
            StringComparer.Ordinal);
        var sources = Top(_sources.Select(kv => new FacetCount(kv.Key, kv.Key, kv.Value)), limit);
        var months = _months.OrderByDescending(kv => kv.Key).Select(kv =>
        {
            string ym = string.Create(CultureInfo.InvariantCulture, $"{kv.Key / 12:0000}-{kv.Key % 12 + 1:00}");
            return new FacetCount(ym, ym, kv.Value);
        }).ToList();
        return new SearchFacets { Entities = entities, Sources = sources, Months = months };
    }

    private static List<FacetCount> Top(IEnumerable<FacetCount> counts, int limit) =>
        counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(limit).ToList();
}
