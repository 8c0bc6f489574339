using ArabicSearch.Entities;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArabicSearch.Indexing;

/// <summary>
/// How articles write the names rules found (<see cref="GeneratedEntities"/>): an id such as <c>org:وزاره_خارجيه</c> is
/// the normalized words, so it is shown as the articles write it (<c>وزارة الخارجية</c>), the spelling most articles
/// use. Each article indexes one <see cref="FieldNames.EntityName"/> term per rule-found name and spelling: the id,
/// U+0001, the name as written.
/// </summary>
/// <remarks>Stateless; thread-safe. A look-up seeks the term dictionary once and reads the id's spellings (at most
/// <see cref="MaxSpellings"/>).</remarks>
internal static class EntityNames
{
    /// <summary>Separates the id from the written name in a <see cref="FieldNames.EntityName"/> term.</summary>
    public const char Separator = '\u0001';

    /// <summary>The spellings of one name read at most, when choosing the most frequent.</summary>
    public const int MaxSpellings = 32;

    /// <summary>The term that records that an article writes the rule-found <paramref name="id"/> as <paramref name="written"/>.</summary>
    public static string Term(string id, string written) => id + Separator + written;

    /// <summary>
    /// <paramref name="entity"/> with the name most articles of <paramref name="reader"/> write it with, when it is a
    /// rule-found name and the index records one (articles indexed with analysis version 4 or later); otherwise
    /// <paramref name="entity"/> itself. The normalized name stays an alias.
    /// </summary>
    public static Entity AsWritten(Entity entity, IndexReader reader)
    {
        if (!GeneratedEntities.IsGenerated(entity.Id)) return entity;
        string? written = MostWritten(reader, entity.Id);
        return written is null || written == entity.Name ? entity : entity with { Name = written, Aliases = [entity.Name] };
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, string?>> BySnapshot = new();

    /// <summary>Names kept per index snapshot, at most; past it the cache starts again.</summary>
    private const int CachedNames = 4_096;

    /// <summary>
    /// The spelling of the rule-found <paramref name="id"/> that most articles use; null when none is recorded. Kept per
    /// index snapshot: a hit's entities and a facet's labels repeat from search to search, and a look-up over every
    /// segment's term dictionary costs tens of kilobytes.
    /// </summary>
    public static string? MostWritten(IndexReader reader, string id)
    {
        var cache = BySnapshot.GetValue(reader.CoreCacheKey, _ => new(StringComparer.Ordinal));
        if (cache.TryGetValue(id, out var known)) return known;
        string? found = Lookup(reader, id);
        if (cache.Count >= CachedNames) cache.Clear();
        cache[id] = found;
        return found;
    }

    private static string? Lookup(IndexReader reader, string id)
    {
        var terms = MultiFields.GetTerms(reader, FieldNames.EntityName);
        if (terms is null) return null;
        var prefix = new BytesRef(id + Separator);
        var e = terms.GetEnumerator();
        if (e.SeekCeil(prefix) == TermsEnum.SeekStatus.END) return null;
        string? best = null;
        int bestFrequency = 0;
        for (int read = 0; read < MaxSpellings; read++)
        {
            var term = e.Term;
            if (term is null || !StringHelper.StartsWith(term, prefix)) break;
            int df = e.DocFreq;
            if (df > bestFrequency)
            {
                bestFrequency = df;
                best = term.Utf8ToString()[(id.Length + 1)..];
            }
            if (!e.MoveNext()) break;
        }
        return best;
    }
}
