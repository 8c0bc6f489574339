using ArabicSearch.Entities;
using Lucene.Net.Index;

namespace ArabicSearch.Indexing;

/// <summary>
/// How articles write the names rules found (<see cref="GeneratedEntities"/>): an id such as <c>org:وزاره_خارجيه</c> is
/// the normalized words, so it is shown as the articles write it (<c>وزارة الخارجية</c>), the spelling most articles
/// use. Each article indexes one <see cref="FieldNames.EntityName"/> term per rule-found name and spelling: the id,
/// U+0001, the name as written.
/// </summary>
/// <remarks>Thread-safe. A look-up seeks the term dictionary once (<see cref="CompletionTerms.MostFrequentWritten"/>,
/// the terms having the shape of completion terms); its answer is kept per index snapshot.</remarks>
internal static class EntityNames
{
    /// <summary>The term that records that an article writes the rule-found <paramref name="id"/> as <paramref name="written"/>.</summary>
    public static string Term(string id, string written) => id + CompletionTerms.Separator + written;

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

    /// <summary>Names kept per index snapshot: a hit's entities and a facet's labels repeat from search to search, and a
    /// look-up over every segment's term dictionary costs tens of kilobytes.</summary>
    private static readonly SnapshotCache<string?> BySnapshot = new(4_096);

    /// <summary>The spelling of the rule-found <paramref name="id"/> that most articles use; null when none is recorded.</summary>
    public static string? MostWritten(IndexReader reader, string id) =>
        BySnapshot.GetOrAdd(reader, id, reader, static (r, key) => CompletionTerms.MostFrequentWritten(r, FieldNames.EntityName, key));
}
